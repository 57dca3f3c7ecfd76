package fr.veza.identity.internal;

import fr.veza.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's account and profile as stored in {@code users} and {@code user_profiles}. */
public record UserRecord(
        UUID id,
        String email,
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
        AccountStatus status,
        String passwordHash,
        Instant createdAt,
        Instant updatedAt,
        Instant emailVerifiedAt) {

    public enum AccountStatus {
        ACTIVE,
        SUSPENDED
    }
}
