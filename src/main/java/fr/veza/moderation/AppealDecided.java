package fr.veza.moderation;

import java.util.UUID;

/** A moderator decided an appeal of a hiding: {@code upheld} (it stays hidden) or {@code reversed} (it is back). */
public record AppealDecided(
        UUID decisionId, String outcome, String targetType, UUID targetId, String label, UUID authorId) {}
