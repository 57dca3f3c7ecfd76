package fr.veza.identity.web;

import fr.veza.identity.Role;
import fr.veza.identity.internal.UserRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What anyone may see of an account: no email, no legal name, no settings. */
record PublicProfile(
        UUID id,
        String username,
        String displayName,
        String bio,
        String location,
        String avatarUrl,
        String bannerUrl,
        String website,
        String pronouns,
        List<String> links,
        Role role,
        Instant createdAt) {

    static PublicProfile of(UserRecord user) {
        return new PublicProfile(
                user.id(),
                user.username(),
                user.displayName(),
                user.bio(),
                user.location(),
                user.avatarUrl(),
                user.bannerUrl(),
                user.website(),
                user.pronouns(),
                user.links(),
                user.role(),
                user.createdAt());
    }
}
