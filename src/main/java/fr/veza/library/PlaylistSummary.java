package fr.veza.library;

import java.time.Instant;
import java.util.UUID;

/** A playlist as lists and search results show it. */
public record PlaylistSummary(
        UUID id, String title, String description, String visibility, int trackCount, Owner owner, Instant updatedAt) {

    public record Owner(UUID id, String username, String displayName) {}
}
