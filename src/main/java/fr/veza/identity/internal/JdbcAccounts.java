package fr.veza.identity.internal;

import fr.veza.identity.Accounts;
import fr.veza.identity.Mailbox;
import fr.veza.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;
    private final ClosedAccountRepository closed;
    private final SignOut signOut;
    private final ProfileChanges profileChanges;

    JdbcAccounts(JdbcClient jdbc, ClosedAccountRepository closed, SignOut signOut, ProfileChanges profileChanges) {
        this.jdbc = jdbc;
        this.closed = closed;
        this.signOut = signOut;
        this.profileChanges = profileChanges;
    }

    @Override
    public Optional<String> email(UUID userId) {
        return jdbc.sql("SELECT email::text FROM users WHERE id = :id AND deleted_at IS NULL")
                .param("id", userId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<Mailbox> mailbox(UUID userId) {
        return jdbc.sql("""
                        SELECT u.email::text AS email, coalesce(s.locale, 'en') AS locale,
                               coalesce(s.timezone, 'UTC') AS timezone
                        FROM users u LEFT JOIN user_settings s ON s.user_id = u.id
                        WHERE u.id = :id AND u.deleted_at IS NULL AND u.status = 'active'
                          AND u.email_verified_at IS NOT NULL
                        """)
                .param("id", userId)
                .query((rs, n) -> new Mailbox(rs.getString("email"), rs.getString("locale"), rs.getString("timezone")))
                .optional();
    }

    @Override
    public Optional<String> activeLocale(UUID userId) {
        return jdbc.sql("""
                        SELECT coalesce(s.locale, 'en') FROM users u LEFT JOIN user_settings s ON s.user_id = u.id
                        WHERE u.id = :id AND u.deleted_at IS NULL AND u.status = 'active'
                        """).param("id", userId).query(String.class).optional();
    }

    @Override
    public List<UUID> pastRecoveryDeadline(Instant now, int limit) {
        return closed.pastRecoveryDeadline(now, limit);
    }

    @Override
    public Optional<Role> roleOf(UUID userId) {
        return jdbc.sql("SELECT role FROM users WHERE id = :id AND deleted_at IS NULL")
                .param("id", userId)
                .query((rs, n) -> Role.of(rs.getString(1)))
                .optional();
    }

    @Override
    public List<UUID> moderators() {
        return jdbc.sql("SELECT id FROM users WHERE role IN ('moderator', 'admin') AND status = 'active'"
                        + " AND deleted_at IS NULL ORDER BY created_at")
                .query(UUID.class)
                .list();
    }

    /** Joins the caller's transaction, so the suspension commits with whatever decided it. */
    @Override
    @Transactional
    public boolean suspend(UUID userId, String reason) {
        int changed = jdbc.sql(
                        "UPDATE users SET status = 'suspended', updated_at = now() WHERE id = :id AND status = 'active'")
                .param("id", userId)
                .update();
        if (changed > 0) {
            signOut.everywhere(userId, reason);
        }
        return changed > 0;
    }

    /** Joins the caller's transaction. Sessions are not given back: the person signs in again. */
    @Override
    @Transactional
    public boolean reinstate(UUID userId) {
        int changed = jdbc.sql("UPDATE users SET status = 'active', updated_at = now()"
                        + " WHERE id = :id AND status = 'suspended' AND deleted_at IS NULL")
                .param("id", userId)
                .update();
        if (changed > 0) {
            profileChanges.changed(userId);
        }
        return changed > 0;
    }
}
