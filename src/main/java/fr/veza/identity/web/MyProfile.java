package fr.veza.identity.web;

import fr.veza.identity.Role;
import fr.veza.identity.internal.UserRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The account as its owner sees it, private fields included. */
record MyProfile(
        UUID id,
        String email,
        boolean emailVerified,
        String username,
        String displayName,
        String firstName,
        String lastName,
        String bio,
        String location,
        String avatarUrl,
        String bannerUrl,
        String website,
        String pronouns,
        List<String> links,
        Role role,
        Instant createdAt,
        Instant updatedAt) {

    static MyProfile of(UserRecord user) {
        return new MyProfile(
                user.id(),
                user.email(),
                user.emailVerifiedAt() != null,
                user.username(),
                user.displayName(),
                user.firstName(),
                user.lastName(),
                user.bio(),
                user.location(),
                user.avatarUrl(),
                user.bannerUrl(),
                user.website(),
                user.pronouns(),
                user.links(),
                user.role(),
                user.createdAt(),
                user.updatedAt());
    }
}
