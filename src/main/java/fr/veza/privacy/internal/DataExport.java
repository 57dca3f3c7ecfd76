package fr.veza.privacy.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code data_exports}. */
public record DataExport(
        UUID id,
        UUID userId,
        String status,
        int attempts,
        String blobKey,
        Long sizeBytes,
        String error,
        Instant createdAt,
        Instant completedAt,
        Instant expiresAt) {}
