package fr.veza.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExportRepository {

    private static final String COLUMNS =
            "id, user_id, status, attempts, blob_key, size_bytes, error, created_at, completed_at, expires_at";

    private final JdbcClient jdbc;

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises one person's requests, so two at once cannot both pass the daily limit. */
    void lockRequestsOf(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('data_exports:' || :user, 0))")
                .param("user", userId.toString())
                .query()
                .singleRow();
    }

    /** The creation times of the person's requests since {@code since}, oldest first. */
    List<Instant> requestedSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT created_at FROM data_exports WHERE user_id = :user AND created_at > :since"
                        + " ORDER BY created_at")
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    void insert(UUID id, UUID userId, Instant at) {
        jdbc.sql("INSERT INTO data_exports (id, user_id, status, created_at) VALUES (:id, :user, 'queued', :at)")
                .param("id", id)
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<DataExport> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_exports WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<DataExport> byUser(UUID userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_exports WHERE user_id = :user"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The oldest queued export, or one whose builder's lease ran out, now leased to the caller. */
    Optional<DataExport> claim(Instant now, Duration lease) {
        return jdbc.sql("""
                        UPDATE data_exports SET status = 'running', attempts = attempts + 1, locked_until = :until
                        WHERE id = (SELECT id FROM data_exports
                                    WHERE status = 'queued' OR (status = 'running' AND locked_until < :now)
                                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .query(this::map)
                .optional();
    }

    /** Only while the caller still holds the lease it claimed with: a builder that lost it changes nothing. */
    boolean markReady(UUID id, int attempt, String blobKey, long size, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        UPDATE data_exports SET status = 'ready', blob_key = :key, size_bytes = :size, error = NULL,
                               completed_at = :now, expires_at = :expires, locked_until = NULL
                        WHERE id = :id AND status = 'running' AND attempts = :attempt
                        """)
                        .param("id", id)
                        .param("attempt", attempt)
                        .param("key", blobKey)
                        .param("size", size)
                        .param("now", Timestamp.from(now))
                        .param("expires", Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    /** Back to the queue, or failed for good once the attempts are used up. */
    void markFailed(UUID id, int attempt, boolean finalAttempt, String error) {
        jdbc.sql("""
                        UPDATE data_exports SET status = :status, error = :error, locked_until = NULL,
                               completed_at = CASE WHEN :final THEN now() END
                        WHERE id = :id AND status = 'running' AND attempts = :attempt
                        """)
                .param("id", id)
                .param("attempt", attempt)
                .param("status", finalAttempt ? "failed" : "queued")
                .param("final", finalAttempt)
                .param("error", error)
                .update();
    }

    /** Ready exports past their expiry, oldest first. */
    List<DataExport> expired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_exports WHERE status = 'ready' AND expires_at <= :now"
                        + " ORDER BY expires_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    boolean markExpired(UUID id) {
        return jdbc.sql("UPDATE data_exports SET status = 'expired', expires_at = least(expires_at, now())"
                                + " WHERE id = :id AND status = 'ready'")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** A closed account's exports stop working at once; returns the archives to delete. */
    List<String> expireAllOf(UUID userId) {
        return jdbc.sql("""
                        UPDATE data_exports SET status = CASE WHEN status IN ('queued', 'running') THEN 'failed'
                                                              ELSE 'expired' END,
                               error = CASE WHEN status IN ('queued', 'running') THEN 'account closed' ELSE error END,
                               expires_at = CASE WHEN status = 'ready' THEN least(expires_at, now()) ELSE expires_at END,
                               locked_until = NULL
                        WHERE user_id = :user AND status IN ('queued', 'running', 'ready')
                        RETURNING blob_key
                        """).param("user", userId).query(String.class).list().stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    List<String> deleteAllOf(UUID userId) {
        return jdbc
                .sql("DELETE FROM data_exports WHERE user_id = :user RETURNING blob_key")
                .param("user", userId)
                .query(String.class)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private DataExport map(ResultSet rs, int row) throws SQLException {
        return new DataExport(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("blob_key"),
                rs.getObject("size_bytes", Long.class),
                rs.getString("error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("completed_at")),
                instant(rs.getTimestamp("expires_at")));
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
