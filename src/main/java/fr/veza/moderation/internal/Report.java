package fr.veza.moderation.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code moderation_reports}; open until a decision resolves it. */
public record Report(
        UUID id,
        UUID reporterId,
        String targetType,
        UUID targetId,
        String reason,
        String details,
        Instant createdAt,
        UUID decisionId,
        Instant resolvedAt) {

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
