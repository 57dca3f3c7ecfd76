package fr.veza.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.veza.identity.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a login session is still alive and what its user may do now. Access tokens are checked against it on
 * every request, so logout, revocation, suspension and role changes apply within seconds rather than at token
 * expiry. Answers are cached briefly to keep this off the database's hot path.
 */
@Component
class SessionStatus {

    private static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Cache<UUID, Optional<Role>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_FOR)
            .maximumSize(100_000)
            .build();

    SessionStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's current role if the session is live and the account active, else empty. */
    Optional<Role> liveRole(UUID userId, UUID sessionId) {
        return cache.get(
                sessionId,
                id -> jdbc.sql("""
                        SELECT u.role FROM users u
                        WHERE u.id = :userId AND u.status = 'active' AND u.deleted_at IS NULL
                          AND EXISTS (SELECT 1 FROM user_sessions s
                                      WHERE s.family_id = :sessionId AND s.user_id = u.id
                                        AND s.revoked_at IS NULL AND s.expires_at > now())
                        """)
                        .param("userId", userId)
                        .param("sessionId", id)
                        .query((rs, n) -> Role.of(rs.getString(1)))
                        .optional());
    }

    void forget(UUID sessionId) {
        cache.invalidate(sessionId);
    }

    void forgetAll() {
        cache.invalidateAll();
    }
}
