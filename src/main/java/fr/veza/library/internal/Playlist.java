package fr.veza.library.internal;

import java.time.Instant;
import java.util.UUID;

public record Playlist(
        UUID id,
        UUID ownerId,
        String title,
        String description,
        PlaylistVisibility visibility,
        int trackCount,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }

    /** One track's place in a playlist. */
    public record Entry(UUID trackId, int position, Instant addedAt) {}
}
