package fr.veza.moderation.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code moderation_decisions}: what moderators did about one target, and its appeal. */
public record Decision(
        UUID id,
        String targetType,
        UUID targetId,
        UUID authorId,
        UUID moderatorId,
        String action,
        String note,
        Instant suspendedUntil,
        Instant createdAt,
        String appeal,
        Instant appealedAt,
        String appealOutcome,
        Instant appealDecidedAt) {

    public boolean appealOpen() {
        return appealedAt != null && appealOutcome == null;
    }
}
