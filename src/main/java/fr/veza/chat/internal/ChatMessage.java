package fr.veza.chat.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code chat_messages}; a deleted message keeps its place with no text, and so does one whose author left
 * Veza (no author either). One hidden by moderators keeps its text for its author only.
 */
public record ChatMessage(
        UUID id,
        UUID roomId,
        UUID authorId,
        String body,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        String kind,
        UUID replyTo,
        boolean hidden) {

    ChatMessage fromFormerMember() {
        return new ChatMessage(id, roomId, null, null, createdAt, editedAt, deletedAt, kind, replyTo, hidden);
    }

    /** The message as {@code viewerId} sees it: a hidden one without its text unless they wrote it. */
    ChatMessage seenBy(UUID viewerId) {
        return hidden && !viewerId.equals(authorId)
                ? new ChatMessage(id, roomId, authorId, null, createdAt, editedAt, deletedAt, kind, replyTo, true)
                : this;
    }

    boolean isText() {
        return "text".equals(kind);
    }
}
