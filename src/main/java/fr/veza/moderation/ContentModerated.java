package fr.veza.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moderators decided on the open reports about one target: the author hears of a hiding, a warning or a
 * suspension (with the note meant for them), each reporter hears whether anything was done, never who else
 * reported.
 *
 * @param action {@code dismiss}, {@code hide}, {@code warn}, {@code suspend} or {@code escalate}
 * @param label a short name for the target (a title, the start of a text) for the notifications
 * @param authorId null when the target's author is unknown (erased)
 * @param suspendedUntil the end of a suspension for a period; null for good or for other actions
 */
public record ContentModerated(
        UUID decisionId,
        String action,
        String targetType,
        UUID targetId,
        String label,
        UUID authorId,
        String note,
        Instant suspendedUntil,
        List<UUID> reporterIds) {}
