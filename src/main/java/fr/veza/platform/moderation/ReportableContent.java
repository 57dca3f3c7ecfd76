package fr.veza.platform.moderation;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A capability's content that people may report to moderators, so that each module keeps its own tables and the
 * moderation module still reaches all of them: it finds the reported thing for the reporter (who must be able to
 * see it) and for moderators, and hides or restores it on their decision. Hidden content is hidden for everyone
 * but its author and moderators, on every surface the owning module serves.
 */
public interface ReportableContent {

    /** The {@code target_type} of reports about this content: {@code track}, {@code comment}, ... */
    String type();

    /** The content as {@code viewerId} sees it; nothing when it does not exist or that person may not see it. */
    Optional<Reported> visibleTo(UUID id, UUID viewerId);

    /** The content as moderators see it, hidden or not, with the context around it. */
    Optional<Reported> forModerators(UUID id);

    /** Whether moderators can hide this kind of content (a person is warned or suspended instead). */
    default boolean hideable() {
        return true;
    }

    /** Joins the caller's transaction. False when it was hidden already or is gone. */
    boolean hide(UUID id);

    /** Joins the caller's transaction. False when it was not hidden. */
    boolean restore(UUID id);

    /**
     * @param authorId who wrote or published it (null once their account is erased)
     * @param label a short name for it: a title, a username, the start of a text
     * @param text what it says in full (a message, a comment, a description), or null
     * @param context what moderators need around it, such as the track a comment is on or the messages before one
     */
    record Reported(UUID authorId, String label, String text, boolean hidden, Map<String, Object> context) {

        /** A label for a piece of text: its start, short enough for a queue line or a notification. */
        public static String labelOf(String text) {
            return text.length() > 80 ? text.substring(0, 80) + "\u2026" : text;
        }

        public Reported {
            context = context == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        }
    }
}
