package fr.veza.chat.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's chat: the messages they wrote, the rooms they are in and when they were last seen. Erasure deletes their messages and
 * memberships; the other members' messages stay theirs.
 */
@Component
class ChatPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ChatPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        Map<String, UUID> user = Map.of("user", userId);
        files.rows(
                "chat_rooms.json",
                "The chat rooms you are in: direct or group, its name, who else is in it (by id), when you joined.",
                """
                SELECT r.id, r.kind, r.name, me.joined_at,
                       (SELECT array_agg(o.user_id ORDER BY o.user_id) FROM chat_members o
                        WHERE o.room_id = r.id AND o.user_id <> :user) AS other_members
                FROM chat_members me JOIN chat_rooms r ON r.id = me.room_id
                WHERE me.user_id = :user ORDER BY me.joined_at
                """,
                user);
        files.rows(
                "messages.json",
                "Every chat message you wrote: room, text, when it was sent, edited or deleted (a deleted one has no"
                        + " text any more).",
                """
                SELECT id, room_id, body, created_at, edited_at, deleted_at FROM chat_messages
                WHERE author_id = :user ORDER BY created_at, id
                """,
                user);
        files.rows(
                "chat_reactions.json",
                "The reactions you added to chat messages: the message, the emoji, when.",
                "SELECT message_id, emoji, created_at FROM chat_reactions WHERE user_id = :user ORDER BY created_at",
                user);
        files.rows(
                "presence.json",
                "When you last had Veza open (a chat socket), as the people you share rooms with may be told, what you"
                        + " said of it (online or away), and whether you show it.",
                """
                SELECT p.last_seen_at, p.status,
                       coalesce((SELECT show_presence FROM chat_settings WHERE user_id = :user), TRUE) AS show_presence
                FROM (SELECT :user AS user_id) me LEFT JOIN chat_presence p ON p.user_id = me.user_id
                """,
                user);
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put(
                "chat_messages",
                jdbc.sql("DELETE FROM chat_messages WHERE author_id = :user")
                        .param("user", userId)
                        .update());
        erased.put(
                "chat_memberships",
                jdbc.sql("DELETE FROM chat_members WHERE user_id = :user")
                        .param("user", userId)
                        .update());
        erased.put(
                "chat_reactions",
                jdbc.sql("DELETE FROM chat_reactions WHERE user_id = :user")
                        .param("user", userId)
                        .update());
        jdbc.sql("DELETE FROM chat_settings WHERE user_id = :user")
                .param("user", userId)
                .update();
        erased.put(
                "chat_presence",
                jdbc.sql("DELETE FROM chat_presence WHERE user_id = :user")
                        .param("user", userId)
                        .update());
        jdbc.sql("UPDATE chat_rooms SET created_by = NULL WHERE created_by = :user")
                .param("user", userId)
                .update();
        return erased;
    }
}
