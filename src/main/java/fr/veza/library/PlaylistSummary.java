package fr.veza.library;

import java.time.Instant;
import java.util.UUID;

/** A playlist as lists and search results show it. */
public record PlaylistSummary(
        UUID id, String title, String description, String visibility, int trackCount, Owner owner, Instant updatedAt) {

    public record Owner(UUID id, String username, String displayName) {

        /** The name pages show: the display name, or the username when there is none. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String name() {
            return displayName == null ? username : displayName;
        }
    }
}
