package fr.veza.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's push subscriptions; every query names its owner, so no id reaches someone else's. */
@Repository
public class PushSubscriptions {

    /** At most this many devices per person: the oldest goes when one more subscribes. */
    static final int PER_PERSON = 20;

    private final JdbcClient jdbc;

    PushSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Subscription(
            UUID id, UUID userId, String endpoint, String p256dh, String auth, String userAgent, Instant createdAt) {}

    /**
     * Stores the browser's subscription; the same endpoint subscribing again (new keys, or now another person on
     * that browser) replaces its row.
     */
    public Subscription save(UUID userId, String endpoint, String p256dh, String auth, String userAgent) {
        Subscription saved = jdbc.sql("""
                        INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, user_agent)
                        VALUES (:id, :user, :endpoint, :p256dh, :auth, :agent)
                        ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
                            auth = EXCLUDED.auth, user_agent = EXCLUDED.user_agent, created_at = now(), failures = 0
                        RETURNING id, user_id, endpoint, p256dh, auth, user_agent, created_at
                        """)
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("endpoint", endpoint)
                .param("p256dh", p256dh)
                .param("auth", auth)
                .param("agent", userAgent)
                .query(PushSubscriptions::map)
                .single();
        jdbc.sql("""
                        DELETE FROM push_subscriptions WHERE user_id = :user AND id NOT IN (
                            SELECT id FROM push_subscriptions WHERE user_id = :user
                            ORDER BY created_at DESC LIMIT :keep)
                        """).param("user", userId).param("keep", PER_PERSON).update();
        return saved;
    }

    public List<Subscription> of(UUID userId) {
        return jdbc.sql("""
                        SELECT id, user_id, endpoint, p256dh, auth, user_agent, created_at FROM push_subscriptions
                        WHERE user_id = :user ORDER BY created_at DESC
                        """).param("user", userId).query(PushSubscriptions::map).list();
    }

    public boolean delete(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = :user AND id = :id")
                        .param("user", userId)
                        .param("id", id)
                        .update()
                > 0;
    }

    public boolean deleteEndpoint(UUID userId, String endpoint) {
        return jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = :user AND endpoint = :endpoint")
                        .param("user", userId)
                        .param("endpoint", endpoint)
                        .update()
                > 0;
    }

    /** The push service said the subscription is gone (404, 410): it is. */
    void gone(UUID id) {
        jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id")
                .param("id", id)
                .update();
    }

    void pushed(UUID id, Instant at) {
        jdbc.sql("UPDATE push_subscriptions SET last_push_at = :at, failures = 0 WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** A refused or unreachable push; a subscription failing this often in a row is dropped. */
    void failed(UUID id, int dropAfter) {
        jdbc.sql("UPDATE push_subscriptions SET failures = failures + 1 WHERE id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id AND failures >= :limit")
                .param("id", id)
                .param("limit", dropAfter)
                .update();
    }

    private static Subscription map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("endpoint"),
                rs.getString("p256dh"),
                rs.getString("auth"),
                rs.getString("user_agent"),
                rs.getTimestamp("created_at").toInstant());
    }
}
