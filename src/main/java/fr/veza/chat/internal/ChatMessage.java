package fr.veza.chat.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code chat_messages}; a deleted message keeps its place with no text, and so does one whose author left
 * Veza (no author either).
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
        UUID replyTo) {

    ChatMessage fromFormerMember() {
        return new ChatMessage(id, roomId, null, null, createdAt, editedAt, deletedAt, kind, replyTo);
    }

    boolean isText() {
        return "text".equals(kind);
    }
}
