package fr.veza.notifications.internal;

import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.NotificationKind.Delivery;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's choice of mail for each kind of notification; a kind never chosen follows its default. */
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
        jdbc.sql("SELECT kind, delivery FROM notification_preferences WHERE user_id = :user")
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
}
