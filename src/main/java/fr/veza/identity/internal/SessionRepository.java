package fr.veza.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh-token rows in {@code user_sessions}, grouped into families (one family = one login session). */
@Repository
class SessionRepository {

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant expiresAt, String ip, String userAgent) {
        insert(id, userId, familyId, tokenHash, expiresAt, ip, userAgent, "api");
    }

    void insert(
            UUID id,
            UUID userId,
            UUID familyId,
            byte[] tokenHash,
            Instant expiresAt,
            String ip,
            String userAgent,
            String kind) {
        jdbc.sql("""
                        INSERT INTO user_sessions (id, user_id, family_id, refresh_token_hash, expires_at,
                                                   ip_address, user_agent, kind)
                        VALUES (:id, :userId, :familyId, :hash, :expiresAt, :ip, :userAgent, :kind)
                        """)
                .param("kind", kind)
                .param("id", id)
                .param("userId", userId)
                .param("familyId", familyId)
                .param("hash", tokenHash)
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("ip", ip)
                .param("userAgent", userAgent)
                .update();
    }

    /** The row of a presented refresh token, locked until the transaction ends so rotation is serialised. */
    Optional<SessionRow> lockByTokenHash(byte[] tokenHash) {
        return jdbc.sql("""
                        SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at
                        FROM user_sessions WHERE refresh_token_hash = :hash AND kind = 'api' FOR UPDATE
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> new SessionRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("rotated_at") != null,
                        rs.getTimestamp("revoked_at") != null))
                .optional();
    }

    /** The user and session a browser's cookie secret belongs to, whether or not that session is still live. */
    Optional<BrowserSessionRow> findBrowserSession(byte[] tokenHash) {
        return jdbc.sql("""
                        SELECT user_id, family_id FROM user_sessions
                        WHERE refresh_token_hash = :hash AND kind = 'browser'
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> new BrowserSessionRow(
                        rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .optional();
    }

    boolean markRotated(UUID id) {
        return jdbc.sql("""
                        UPDATE user_sessions SET rotated_at = now()
                        WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL
                        """).param("id", id).update() == 1;
    }

    int revokeFamily(UUID familyId, String reason) {
        return jdbc.sql("""
                        UPDATE user_sessions SET revoked_at = now(), revoked_reason = :reason
                        WHERE family_id = :familyId AND revoked_at IS NULL
                        """).param("familyId", familyId).param("reason", reason).update();
    }

    int revokeFamilyOf(UUID userId, UUID familyId, String reason) {
        return jdbc.sql("""
                        UPDATE user_sessions SET revoked_at = now(), revoked_reason = :reason
                        WHERE family_id = :familyId AND user_id = :userId AND revoked_at IS NULL
                        """)
                .param("familyId", familyId)
                .param("userId", userId)
                .param("reason", reason)
                .update();
    }

    /** Ends every live session of the user but the one of {@code keepFamily} (null: all of them). */
    int revokeOthers(UUID userId, UUID keepFamily, String reason) {
        return jdbc.sql("""
                        UPDATE user_sessions SET revoked_at = now(), revoked_reason = :reason
                        WHERE user_id = :userId AND revoked_at IS NULL
                          AND (CAST(:keep AS uuid) IS NULL OR family_id <> CAST(:keep AS uuid))
                        """)
                .param("userId", userId)
                .param("keep", keepFamily, java.sql.Types.OTHER)
                .param("reason", reason)
                .update();
    }

    /** Live login sessions of a user: one per family, described by its first and latest rows. */
    List<ActiveSession> activeSessions(UUID userId) {
        return jdbc.sql("""
                        SELECT family_id, min(created_at) AS started_at, max(created_at) AS last_refreshed_at,
                               max(expires_at) AS expires_at,
                               (array_agg(ip_address ORDER BY created_at DESC))[1] AS ip_address,
                               (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent
                        FROM user_sessions
                        WHERE user_id = :userId
                        GROUP BY family_id
                        HAVING bool_and(revoked_at IS NULL) AND max(expires_at) > now()
                        ORDER BY max(created_at) DESC
                        """)
                .param("userId", userId)
                .query((rs, n) -> new ActiveSession(
                        rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("last_refreshed_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("ip_address"),
                        rs.getString("user_agent")))
                .list();
    }

    /** Deletes at most {@code batch} rows that expired or were revoked before {@code cutoff}. */
    int deleteEndedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        DELETE FROM user_sessions WHERE id IN (
                            SELECT id FROM user_sessions
                            WHERE expires_at < :cutoff OR revoked_at < :cutoff
                            LIMIT :batch FOR UPDATE SKIP LOCKED)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }

    record BrowserSessionRow(UUID userId, UUID familyId) {}

    record SessionRow(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean rotated, boolean revoked) {}
}
