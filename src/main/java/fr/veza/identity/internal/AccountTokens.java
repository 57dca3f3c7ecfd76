package fr.veza.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one-time tokens of mailed links in {@code account_tokens}. The token itself exists only in the mail; the
 * table holds its SHA-256 (a random 256-bit token needs no slow hash), so a leaked database opens no account.
 */
@Repository
class AccountTokens {

    static final String PASSWORD_RESET = "password_reset";
    static final String EMAIL_VERIFICATION = "email_verification";
    /** Its address is the new one asked for: it is claimed while the account still holds the address it was asked from. */
    static final String EMAIL_CHANGE = "email_change";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for {@code purpose}; the ones issued before it for the same purpose stop working. */
    String issue(UUID userId, String purpose, String email, Duration ttl, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("UPDATE account_tokens SET used_at = :now WHERE user_id = :user AND purpose = :purpose"
                        + " AND used_at IS NULL")
                .param("user", userId)
                .param("purpose", purpose)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("INSERT INTO account_tokens (token_hash, user_id, purpose, email, expires_at)"
                        + " VALUES (:hash, :user, :purpose, :email, :expires)")
                .param("hash", hash(token))
                .param("user", userId)
                .param("purpose", purpose)
                .param("email", email)
                .param("expires", Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    /**
     * Takes the token: it works this once, before it expires, for the address it was mailed to. Joins the caller's
     * transaction, so a change the token allows and its use commit together.
     */
    Optional<Claim> claim(String token, String purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE account_tokens t SET used_at = :now
                        FROM users u
                        WHERE t.token_hash = :hash AND t.purpose = :purpose AND t.used_at IS NULL
                          AND t.expires_at > :now AND u.id = t.user_id
                          AND (u.email = t.email OR t.purpose = 'email_change')
                          AND u.status = 'active' AND u.deleted_at IS NULL
                        RETURNING t.user_id, t.email::text AS email
                        """)
                .param("hash", hash(token.strip()))
                .param("purpose", purpose)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Claim(rs.getObject("user_id", UUID.class), rs.getString("email")))
                .optional();
    }

    /** Deletes tokens that expired before {@code before}: they can never be used again. */
    int purgeExpired(Instant before) {
        return jdbc.sql("DELETE FROM account_tokens WHERE expires_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    record Claim(UUID userId, String email) {}
}
