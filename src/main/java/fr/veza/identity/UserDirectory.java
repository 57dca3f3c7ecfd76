package fr.veza.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How other modules name people: the public face of an account, never its private fields. */
public interface UserDirectory {

    Optional<UserSummary> find(UUID id);

    /** Summaries of the active accounts among {@code ids}; unknown or deleted ids are simply absent. */
    Map<UUID, UserSummary> findAll(Collection<UUID> ids);

    /** The public profile of the active account with this username (compared without regard to case). */
    Optional<Profile> findProfile(String username);

    record UserSummary(UUID id, String username, String displayName, String avatarUrl) {

        /** The name pages show: the display name, or the username when there is none. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String name() {
            return displayName == null ? username : displayName;
        }
    }

    /** What anyone may see of an account: never its email, names or settings. */
    record Profile(
            UUID id,
            String username,
            String displayName,
            String bio,
            String location,
            String avatarUrl,
            String bannerUrl,
            String website,
            java.util.List<String> links,
            Role role) {

        public String name() {
            return displayName == null || displayName.isBlank() ? username : displayName;
        }
    }
}
