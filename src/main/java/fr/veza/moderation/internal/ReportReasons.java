package fr.veza.moderation.internal;

import java.util.List;

/** What may be reported and why, as the API and the database name them. */
public final class ReportReasons {

    public static final List<String> TARGET_TYPES = List.of("message", "comment", "track", "user", "playlist");

    public static final List<String> REASONS =
            List.of("spam", "harassment", "hate", "sexual_content", "violence", "impersonation", "other");

    /** What a moderator may decide on the open reports about one target. */
    public static final List<String> ACTIONS = List.of("dismiss", "hide", "warn", "suspend", "escalate");

    private ReportReasons() {}
}
