package fr.veza.notifications.internal;

import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.NotificationKind.Delivery;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choice for each kind of notification: its mail (at once, in the digest, never) and whether it is
 * pushed to their devices; a kind never chosen follows its default (its mail default, and pushed).
 */
@Service
public class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<NotificationKind, Delivery> of(UUID userId) {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            chosen.put(kind, kind.byDefault());
        }
        jdbc.sql("SELECT kind, delivery FROM notification_preferences WHERE user_id = :user AND delivery IS NOT NULL")
                .param("user", userId)
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getString("delivery")))
                .list()
                .forEach(row -> NotificationKind.ofValue(row.getKey())
                        .ifPresent(kind ->
                                Delivery.ofValue(row.getValue()).ifPresent(delivery -> chosen.put(kind, delivery))));
        return chosen;
    }

    @Transactional
    public Map<NotificationKind, Delivery> set(UUID userId, Map<NotificationKind, Delivery> changes) {
        changes.forEach((kind, delivery) -> jdbc.sql("""
                        INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (:user, :kind, :delivery)
                        ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery
                        """)
                .param("user", userId)
                .param("kind", kind.value())
                .param("delivery", delivery.value())
                .update());
        return of(userId);
    }

    public Map<NotificationKind, Boolean> push(UUID userId) {
        Map<NotificationKind, Boolean> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            chosen.put(kind, true);
        }
        jdbc.sql("SELECT kind, push FROM notification_preferences WHERE user_id = :user AND push IS NOT NULL")
                .param("user", userId)
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getBoolean("push")))
                .list()
                .forEach(row ->
                        NotificationKind.ofValue(row.getKey()).ifPresent(kind -> chosen.put(kind, row.getValue())));
        return chosen;
    }

    @Transactional
    public Map<NotificationKind, Boolean> setPush(UUID userId, Map<NotificationKind, Boolean> changes) {
        changes.forEach((kind, pushed) -> jdbc.sql("""
                        INSERT INTO notification_preferences (user_id, kind, push) VALUES (:user, :kind, :push)
                        ON CONFLICT (user_id, kind) DO UPDATE SET push = EXCLUDED.push
                        """)
                .param("user", userId)
                .param("kind", kind.value())
                .param("push", pushed)
                .update());
        return push(userId);
    }
}
