package fr.veza.notifications.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NotificationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Idempotent per (user, source event): a redelivered event adds nothing. */
    boolean insert(UUID userId, UUID actorId, String type, Map<String, Object> payload, String sourceEvent) {
        try {
            return jdbc.sql("""
                            INSERT INTO notifications (id, user_id, actor_id, type, payload, source_event)
                            VALUES (:id, :user, :actor, :type, CAST(:payload AS jsonb), :source)
                            ON CONFLICT (user_id, source_event) DO NOTHING
                            """)
                            .param("id", UUID.randomUUID())
                            .param("user", userId)
                            .param("actor", actorId)
                            .param("type", type)
                            .param("payload", json.writeValueAsString(payload))
                            .param("source", sourceEvent)
                            .update()
                    > 0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload", e);
        }
    }

    List<Notification> page(UUID userId, boolean unreadOnly, Cursor after, int limit) {
        return jdbc.sql("""
                        SELECT id, user_id, actor_id, type, payload::text AS payload, read, created_at
                        FROM notifications WHERE user_id = :user"""
                        + (unreadOnly ? " AND NOT read" : "")
                        + (after == null ? "" : " AND (created_at, id) < (:at, :afterId)")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("user", userId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    long unread(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND NOT read")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Marks the given notifications of the user read, or all of them when {@code ids} is null. */
    int markRead(UUID userId, Collection<UUID> ids) {
        return jdbc.sql("UPDATE notifications SET read = TRUE WHERE user_id = :user AND NOT read"
                        + (ids == null ? "" : " AND id = ANY(:ids)"))
                .param("user", userId)
                .param("ids", ids == null ? null : ids.toArray(UUID[]::new))
                .update();
    }

    private Notification map(ResultSet rs, int row) throws SQLException {
        try {
            return new Notification(
                    rs.getObject("id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("type"),
                    json.readTree(rs.getString("payload")),
                    rs.getBoolean("read"),
                    rs.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("notification payload is not JSON", e);
        }
    }
}
