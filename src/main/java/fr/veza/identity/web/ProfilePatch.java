package fr.veza.identity.web;

import fr.veza.identity.internal.UserRecord;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.URL;

/**
 * A partial update of the profile: an absent field is left as it is, {@code null} clears it. The Optional
 * wrappers are what tells the two apart.
 */
record ProfilePatch(
        Optional<@Size(min = 1, max = 80) String> displayName,
        Optional<@Size(max = 100) String> firstName,
        Optional<@Size(max = 100) String> lastName,
        Optional<@Size(max = 2000) String> bio,
        Optional<@Size(max = 120) String> location,
        Optional<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String>
                avatarUrl,
        Optional<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String>
                bannerUrl,
        Optional<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String> website,
        Optional<@Size(max = 40) String> pronouns,
        Optional<@Size(max = 10) List<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String>>
                links) {

    UserRecord applyTo(UserRecord user) {
        return new UserRecord(
                user.id(),
                user.email(),
                user.username(),
                pick(displayName, user.displayName()),
                pick(firstName, user.firstName()),
                pick(lastName, user.lastName()),
                pick(bio, user.bio()),
                pick(location, user.location()),
                pick(avatarUrl, user.avatarUrl()),
                pick(bannerUrl, user.bannerUrl()),
                pick(website, user.website()),
                pick(pronouns, user.pronouns()),
                links == null ? user.links() : links.orElse(List.of()),
                user.role(),
                user.status(),
                user.passwordHash(),
                user.createdAt(),
                user.updatedAt());
    }

    @SuppressWarnings("OptionalAssignedToNull")
    private static String pick(Optional<String> patch, String current) {
        if (patch == null) {
            return current;
        }
        return patch.map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
    }
}
