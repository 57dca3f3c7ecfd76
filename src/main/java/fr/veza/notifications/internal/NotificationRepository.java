package fr.veza.notifications.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Idempotent per (user, source event): a redelivered event adds nothing, and gives nothing back.
     *
     * @param mailed false for a notification whose matter already reached the person by a mail of its own
     */
    Optional<Notification> insert(
            UUID userId, UUID actorId, String type, Map<String, Object> payload, String sourceEvent, boolean mailed) {
        try {
            return jdbc.sql("""
                            INSERT INTO notifications (id, user_id, actor_id, type, payload, source_event, mail_state)
                            VALUES (:id, :user, :actor, :type, CAST(:payload AS jsonb), :source, :mail)
                            ON CONFLICT (user_id, source_event) DO NOTHING
                            RETURNING id, user_id, actor_id, type, payload::text AS payload, read, created_at,
                                      mail_attempts
                            """)
                    .param("id", UUID.randomUUID())
                    .param("user", userId)
                    .param("actor", actorId)
                    .param("type", type)
                    .param("payload", json.writeValueAsString(payload))
                    .param("source", sourceEvent)
                    .param("mail", mailed ? "pending" : "skipped")
                    .query(this::map)
                    .optional();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload", e);
        }
    }

    List<Notification> page(UUID userId, boolean unreadOnly, Cursor after, int limit) {
        return jdbc.sql("""
                        SELECT id, user_id, actor_id, type, payload::text AS payload, read, created_at, mail_attempts
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

    /** A person's unread notifications of {@code types} since {@code since}, newest first: a digest's matter. */
    List<Notification> unreadSince(UUID userId, Instant since, List<String> types) {
        return jdbc.sql("""
                        SELECT id, user_id, actor_id, type, payload::text AS payload, read, created_at, mail_attempts
                        FROM notifications WHERE user_id = :user AND NOT read AND created_at > :since
                          AND type = ANY(:types)
                        ORDER BY created_at DESC LIMIT 200
                        """)
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .param("types", types.toArray(String[]::new))
                .query(this::map)
                .list();
    }

    /**
     * People with notifications whose instant mail is due: older than {@code cutoff}, not waiting for a retry; the
     * longest waiting first, so nobody is starved by a backlog larger than one batch.
     */
    List<UUID> mailDue(Instant cutoff, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT user_id FROM notifications
                        WHERE mail_state IN ('pending', 'sending') AND created_at <= :cutoff
                          AND (mail_due_at IS NULL OR mail_due_at <= :now)
                        GROUP BY user_id ORDER BY min(created_at) LIMIT :limit
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes one person's due notifications for a mail, under a lease: another instance skips them, and a sender
     * that died leaves them due again once the lease ends.
     */
    List<Notification> claimMail(UUID userId, Instant cutoff, Instant now, Duration lease) {
        return jdbc.sql("""
                        UPDATE notifications SET mail_state = 'sending', mail_attempts = mail_attempts + 1,
                               mail_due_at = :leaseEnd
                        WHERE id IN (SELECT id FROM notifications
                                     WHERE user_id = :user AND mail_state IN ('pending', 'sending')
                                       AND created_at <= :cutoff AND (mail_due_at IS NULL OR mail_due_at <= :now)
                                     ORDER BY created_at LIMIT 200 FOR UPDATE SKIP LOCKED)
                        RETURNING id, user_id, actor_id, type, payload::text AS payload, read, created_at, mail_attempts
                        """)
                .param("user", userId)
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(now.plus(lease)))
                .query(this::map)
                .list();
    }

    /** Records how the mail of {@code ids} ended; {@code retryAt} only for a send to try again. */
    void mailed(Collection<UUID> ids, String state, Instant retryAt) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE notifications SET mail_state = :state, mail_due_at = :retry WHERE id = ANY(:ids)")
                .param("state", state)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt))
                .param("ids", ids.toArray(UUID[]::new))
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
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getInt("mail_attempts"));
        } catch (JsonProcessingException e) {
            throw new SQLException("notification payload is not JSON", e);
        }
    }
}
