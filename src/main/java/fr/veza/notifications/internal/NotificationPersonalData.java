package fr.veza.notifications.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Notifications a person received; erasure also removes those their actions caused for others. */
@Component
class NotificationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        // a comment excerpt is someone else's words: the comment id is enough
        files.rows(
                "notifications.json",
                "What you were told about: type, who caused it (account id), the track or order concerned, read or not.",
                """
                SELECT id, type, actor_id, payload - 'excerpt' AS payload, read, created_at FROM notifications
                WHERE user_id = :user ORDER BY created_at, id
                """,
                Map.of("user", userId));
        files.rows(
                "notification_preferences.json",
                "Which kinds of notification you chose to get by mail, and how (instant, digest or off), and whether they"
                        + " are pushed to your devices (empty: the default).",
                "SELECT kind, delivery, push FROM notification_preferences WHERE user_id = :user ORDER BY kind",
                Map.of("user", userId));
        files.rows(
                "notification_digests.json",
                "The weekly digests Veza mailed you: the week and when it was sent.",
                "SELECT week_start, state, sent_at FROM notification_digests WHERE user_id = :user ORDER BY week_start",
                Map.of("user", userId));
        files.rows(
                "push_subscriptions.json",
                "The browsers you turned notifications on in: the push service address and keys they gave, the"
                        + " browser's name, when you turned it on and when it was last sent a notification.",
                """
                SELECT id, endpoint, p256dh, auth, user_agent, created_at, last_push_at FROM push_subscriptions
                WHERE user_id = :user ORDER BY created_at
                """,
                Map.of("user", userId));
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        return Map.of(
                "notifications",
                jdbc.sql("DELETE FROM notifications WHERE user_id = :user OR actor_id = :user")
                        .param("user", userId)
                        .update(),
                "notification_preferences",
                jdbc.sql("DELETE FROM notification_preferences WHERE user_id = :user")
                        .param("user", userId)
                        .update(),
                "notification_digests",
                jdbc.sql("DELETE FROM notification_digests WHERE user_id = :user")
                        .param("user", userId)
                        .update(),
                "push_subscriptions",
                jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = :user")
                        .param("user", userId)
                        .update());
    }
}
