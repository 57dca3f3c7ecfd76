package fr.veza.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Login, refresh-token rotation with reuse detection, logout and session revocation. */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SessionStatus sessionStatus;
    private final AuditTrail audit;
    private final IdentitySettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String unknownUserHash;
    // which session a cookie secret names never changes; whether that session is live is SessionStatus's answer
    private final Cache<String, Optional<SessionRepository.BrowserSessionRow>> browserSessions = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    SessionService(
            UserRepository users,
            SessionRepository sessions,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            SessionStatus sessionStatus,
            AuditTrail audit,
            IdentitySettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessionStatus = sessionStatus;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        // verified against when the login names nobody, so both cases cost the same time
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    public TokenPair login(String login, String password, ClientContext client) {
        UserRecord account = authenticate(login, password, client);
        return transactions.execute(status -> {
            TokenPair pair = startSession(account.id(), account.role(), client);
            audit.record(new AuditEntry(
                    account.id(), client.ipAddress(), "auth.login", "session", pair.sessionId(), Map.of()));
            return pair;
        });
    }

    /** Signs a browser in: the same checks and limits as {@link #login}, ending in a session cookie's secret. */
    public BrowserSession signInBrowser(String login, String password, ClientContext client) {
        UserRecord account = authenticate(login, password, client);
        return transactions.execute(status -> {
            BrowserSession session = startBrowserSession(account.id(), client);
            audit.record(new AuditEntry(
                    account.id(),
                    client.ipAddress(),
                    "auth.login",
                    "session",
                    session.sessionId(),
                    Map.of("kind", "browser")));
            return session;
        });
    }

    /** Opens a browser session: a row in the same session list, whose secret only a cookie carries. */
    BrowserSession startBrowserSession(UUID userId, ClientContext client) {
        String secret = refreshTokens.generate();
        UUID familyId = UUID.randomUUID();
        sessions.insert(
                UUID.randomUUID(),
                userId,
                familyId,
                refreshTokens.hash(secret),
                clock.instant().plus(settings.refreshTokenTtl()),
                client.ipAddress(),
                client.userAgent(),
                "browser");
        return new BrowserSession(secret, familyId, settings.refreshTokenTtl());
    }

    /** Who a browser's session cookie signs in, while its session is live and its account active. */
    public Optional<CurrentUser> browserUser(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        return browserSessions
                .get(secret, key -> sessions.findBrowserSession(refreshTokens.hash(key)))
                .flatMap(row -> sessionStatus
                        .liveRole(row.userId(), row.familyId())
                        .map(role -> new CurrentUser(row.userId(), role, row.familyId())));
    }

    private UserRecord authenticate(String login, String password, ClientContext client) {
        throttle.admitAddress(client.ipAddress());
        var user = users.findByLogin(login);
        String accountKey = LoginThrottle.accountKey(user.map(UserRecord::id), login);
        throttle.admitAccount(accountKey);
        boolean matches =
                passwords.matches(password, user.map(UserRecord::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !matches) {
            throttle.failed(accountKey);
            audit.record(new AuditEntry(
                    user.map(UserRecord::id).orElse(null),
                    client.ipAddress(),
                    "auth.login_failed",
                    "user",
                    user.map(UserRecord::id).orElse(null),
                    Map.of()));
            throw new VezaException(ErrorCode.INVALID_CREDENTIALS, "Login or password is wrong.");
        }
        UserRecord account = user.get();
        if (account.status() != UserRecord.AccountStatus.ACTIVE) {
            throw new VezaException(ErrorCode.ACCOUNT_SUSPENDED, "This account is suspended.");
        }
        if (passwords.upgradeEncoding(account.passwordHash())) {
            users.updatePasswordHash(account.id(), passwords.encode(password));
        }
        return account;
    }

    /** Opens a new login session (a new refresh-token family). Joins the caller's transaction. */
    TokenPair startSession(UUID userId, Role role, ClientContext client) {
        UUID familyId = UUID.randomUUID();
        return issue(userId, role, familyId, client);
    }

    public TokenPair refresh(String refreshToken, ClientContext client) {
        RefreshOutcome outcome = transactions.execute(status -> rotate(refreshToken, client));
        if (outcome instanceof RefreshOutcome.Rotated rotated) {
            return rotated.pair();
        }
        if (outcome instanceof RefreshOutcome.ReuseDetected reuse) {
            sessionStatus.forget(reuse.familyId());
            log.warn(
                    "refresh token reuse detected; session revoked family={} user={}",
                    reuse.familyId(),
                    reuse.userId());
            throw new VezaException(
                    ErrorCode.INVALID_TOKEN,
                    "This refresh token was already used; the session has been revoked. Log in again.");
        }
        throw new VezaException(ErrorCode.INVALID_TOKEN, ((RefreshOutcome.Invalid) outcome).reason());
    }

    private RefreshOutcome rotate(String refreshToken, ClientContext client) {
        var row = sessions.lockByTokenHash(refreshTokens.hash(refreshToken)).orElse(null);
        if (row == null) {
            return new RefreshOutcome.Invalid("This refresh token is not valid.");
        }
        if (row.rotated() || row.revoked()) {
            int revoked = sessions.revokeFamily(row.familyId(), "refresh_token_reuse");
            if (revoked > 0 || row.rotated()) {
                audit.record(new AuditEntry(
                        row.userId(),
                        client.ipAddress(),
                        "auth.refresh_token_reused",
                        "session",
                        row.familyId(),
                        Map.of("revoked_rows", revoked)));
            }
            return new RefreshOutcome.ReuseDetected(row.familyId(), row.userId());
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            return new RefreshOutcome.Invalid("This refresh token has expired; log in again.");
        }
        var user = users.findById(row.userId()).filter(u -> u.status() == UserRecord.AccountStatus.ACTIVE);
        if (user.isEmpty() || !sessions.markRotated(row.id())) {
            return new RefreshOutcome.Invalid("This session has ended; log in again.");
        }
        return new RefreshOutcome.Rotated(issue(row.userId(), user.get().role(), row.familyId(), client));
    }

    private TokenPair issue(UUID userId, Role role, UUID familyId, ClientContext client) {
        String refreshToken = refreshTokens.generate();
        sessions.insert(
                UUID.randomUUID(),
                userId,
                familyId,
                refreshTokens.hash(refreshToken),
                clock.instant().plus(settings.refreshTokenTtl()),
                client.ipAddress(),
                client.userAgent());
        var access = accessTokens.issue(userId, role, familyId);
        return new TokenPair(access.value(), refreshToken, access.expiresInSeconds(), familyId);
    }

    public void logout(CurrentUser user, ClientContext client) {
        revoke(user.id(), user.sessionId(), "logout", client);
    }

    public List<ActiveSession> activeSessions(UUID userId) {
        return sessions.activeSessions(userId);
    }

    /**
     * Ends every other session of the user (the one making the request stays signed in): "sign out everywhere
     * else", and what a password change does.
     *
     * @return how many sessions ended
     */
    public int revokeOthers(CurrentUser user, String reason, ClientContext client) {
        int revoked = transactions.execute(status -> {
            int rows = sessions.revokeOthers(user.id(), user.sessionId(), reason);
            audit.record(new AuditEntry(
                    user.id(),
                    client.ipAddress(),
                    "auth.other_sessions_revoked",
                    "user",
                    user.id(),
                    Map.of("reason", reason, "sessions", rows)));
            return rows;
        });
        sessionStatus.forgetAll();
        return revoked;
    }

    /** Ends one of the user's own sessions; someone else's session id is simply not found. */
    public void revoke(UUID userId, UUID sessionId, String reason, ClientContext client) {
        boolean revoked = Boolean.TRUE.equals(transactions.execute(status -> {
            int rows = sessions.revokeFamilyOf(userId, sessionId, reason);
            if (rows > 0) {
                audit.record(new AuditEntry(
                        userId,
                        client.ipAddress(),
                        "auth.session_revoked",
                        "session",
                        sessionId,
                        Map.of("reason", reason)));
            }
            return rows > 0;
        }));
        sessionStatus.forget(sessionId);
        if (!revoked && !"logout".equals(reason)) {
            throw VezaException.notFound("Session " + sessionId);
        }
    }

    /**
     * A browser's session: the secret its cookie carries, shown once, and the session it opens.
     *
     * @param lifetime how long the cookie and the session last
     */
    public record BrowserSession(String secret, UUID sessionId, Duration lifetime) {}

    private sealed interface RefreshOutcome {
        record Rotated(TokenPair pair) implements RefreshOutcome {}

        record ReuseDetected(UUID familyId, UUID userId) implements RefreshOutcome {}

        record Invalid(String reason) implements RefreshOutcome {}
    }
}
