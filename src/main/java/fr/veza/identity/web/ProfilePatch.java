package fr.veza.identity.web;

import fr.veza.identity.internal.UserRecord;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * A partial update of the profile (JSON merge-patch semantics): an absent field is left as it is, {@code null}
 * clears it. {@link JsonNullable} is what tells the two apart.
 */
record ProfilePatch(
        JsonNullable<@Size(min = 1, max = 80) String> displayName,
        JsonNullable<@Size(max = 100) String> firstName,
        JsonNullable<@Size(max = 100) String> lastName,
        JsonNullable<@Size(max = 2000) String> bio,
        JsonNullable<@Size(max = 120) String> location,
        JsonNullable<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String>
                avatarUrl,
        JsonNullable<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String>
                bannerUrl,
        JsonNullable<@Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL") String>
                website,
        JsonNullable<@Size(max = 40) String> pronouns,
        JsonNullable<
                        @Size(max = 10) List<
                                @Size(max = 2048) @URL(regexp = "^https?://.*", message = "must be an http(s) URL")
                                String>>
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
                links.isPresent() ? (links.get() == null ? List.of() : links.get()) : user.links(),
                user.role(),
                user.status(),
                user.passwordHash(),
                user.createdAt(),
                user.updatedAt(),
                user.emailVerifiedAt());
    }

    private static String pick(JsonNullable<String> patch, String current) {
        if (!patch.isPresent()) {
            return current;
        }
        String value = patch.get() == null ? null : patch.get().strip();
        return value == null || value.isEmpty() ? null : value;
    }
}
