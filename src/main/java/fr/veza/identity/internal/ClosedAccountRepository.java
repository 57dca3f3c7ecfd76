package fr.veza.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closing, recovering and erasing accounts in {@code users} and the identity tables beside it. */
@Repository
class ClosedAccountRepository {

    private final JdbcClient jdbc;

    ClosedAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open account's password hash, its row locked until the transaction ends. */
    Optional<String> lockOpen(UUID id) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :id AND deleted_at IS NULL FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * Anonymises the person's fields at once. The login email survives as its keyed hash and the password hash
     * stays, both for recovery only; the username becomes a placeholder, unique because it is made from the id.
     */
    void close(UUID id, byte[] emailHash, boolean keepPublicTracks, Instant deadline) {
        jdbc.sql("""
                        UPDATE users SET email = 'closed-' || id || '@closed.invalid', email_hash = :emailHash,
                               username = 'deleted-' || id, display_name = NULL, first_name = NULL,
                               last_name = NULL, bio = NULL, location = NULL, avatar = NULL, banner_url = NULL,
                               keep_public_tracks = :keep, deleted_at = now(), recovery_deadline = :deadline,
                               updated_at = now()
                        WHERE id = :id AND deleted_at IS NULL
                        """)
                .param("id", id)
                .param("emailHash", emailHash)
                .param("keep", keepPublicTracks)
                .param("deadline", Timestamp.from(deadline))
                .update();
        jdbc.sql("""
                        UPDATE user_profiles SET website = NULL, pronouns = NULL, links = '[]'::jsonb, updated_at = now()
                        WHERE user_id = :id
                        """).param("id", id).update();
    }

    int revokeSessions(UUID id, String reason) {
        return jdbc.sql("""
                        UPDATE user_sessions SET revoked_at = now(), revoked_reason = :reason
                        WHERE user_id = :id AND revoked_at IS NULL
                        """).param("id", id).param("reason", reason).update();
    }

    int revokeApiKeys(UUID id) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE user_id = :id AND revoked_at IS NULL")
                .param("id", id)
                .update();
    }

    int revokeAppPasswords(UUID id) {
        return jdbc.sql("UPDATE app_passwords SET revoked_at = now() WHERE user_id = :id AND revoked_at IS NULL")
                .param("id", id)
                .update();
    }

    /** The closed, still recoverable account whose login email hashes to {@code emailHash}, locked. */
    Optional<Recoverable> lockRecoverable(byte[] emailHash, Instant now) {
        return jdbc.sql("""
                        SELECT id, password_hash, role, status FROM users
                        WHERE email_hash = :hash AND deleted_at IS NOT NULL AND erased_at IS NULL
                          AND recovery_deadline > :now
                        FOR UPDATE
                        """)
                .param("hash", emailHash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Recoverable(
                        rs.getObject("id", UUID.class),
                        rs.getString("password_hash"),
                        rs.getString("role"),
                        rs.getString("status")))
                .optional();
    }

    /** Opens the account again under its email; the anonymised name fields stay empty until the person fills them. */
    void reopen(UUID id, String email, String username) {
        jdbc.sql("""
                        UPDATE users SET email = :email, email_hash = NULL, username = :username,
                               keep_public_tracks = NULL, deleted_at = NULL, recovery_deadline = NULL,
                               updated_at = now()
                        WHERE id = :id AND deleted_at IS NOT NULL AND erased_at IS NULL
                        """)
                .param("id", id)
                .param("email", email)
                .param("username", username)
                .update();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email = CAST(:email AS citext))")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    List<UUID> pastRecoveryDeadline(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM users
                        WHERE deleted_at IS NOT NULL AND erased_at IS NULL AND recovery_deadline < :now
                        ORDER BY recovery_deadline LIMIT :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    record Recoverable(UUID id, String passwordHash, String role, String status) {}
}
