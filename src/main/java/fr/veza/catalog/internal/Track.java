package fr.veza.catalog.internal;

import fr.veza.catalog.Loudness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A row of {@code tracks}; {@code loudness} is null until the track is measured. */
public record Track(
        UUID id,
        UUID ownerId,
        String title,
        String description,
        String genre,
        List<String> tags,
        Visibility visibility,
        TrackStatus status,
        String statusMessage,
        String filePath,
        String originalFormat,
        long originalSize,
        String coverPath,
        String hlsPrefix,
        String thumbnailPrefix,
        Long durationMs,
        Integer bitrate,
        Integer sampleRate,
        Integer channels,
        String codec,
        Map<String, String> sourceTags,
        int mediaVersion,
        long playCount,
        Instant createdAt,
        Instant updatedAt,
        Instant takenDownAt,
        Loudness loudness) {

    /** The square cover sizes made for every track with a cover, in pixels. */
    public static final List<Integer> THUMBNAIL_SIZES = List.of(64, 256, 1024);

    /** Withheld on a copyright notice: private whatever its owner chose, and nobody's purchase reaches it. */
    public boolean isTakenDown() {
        return takenDownAt != null;
    }

    /** A file name for a download of the track: its title, reduced to characters every file system takes. */
    public String downloadName(String suffix) {
        String name = title.replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return (name.isEmpty() ? "track" : name) + "." + suffix;
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }
}
