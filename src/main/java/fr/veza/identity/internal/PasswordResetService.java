package fr.veza.identity.internal;

import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.db.AfterCommit;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.ratelimit.RateLimiters;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?": a link mailed to the account's address, working once for {@code PASSWORD_RESET_TTL}. Asking
 * answers the same whether an account uses the address or not, so nobody learns who has an account. A reset
 * applies the password policy, signs the account out of every session (browsers, apps' refresh tokens), and tells
 * the owner by mail. Closed and suspended accounts are sent nothing and their links do not work.
 */
@Service
public class PasswordResetService {

    private final UserRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ClosedAccountRepository sessions;
    private final SessionStatus sessionStatus;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final RateLimiter limiter;
    private final AccountEmailSettings settings;
    private final Clock clock;

    PasswordResetService(
            UserRepository users,
            AccountTokens tokens,
            AccountMails mails,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            ClosedAccountRepository sessions,
            SessionStatus sessionStatus,
            AuditTrail audit,
            TransactionTemplate transactions,
            @Qualifier(RateLimiters.ACCOUNT_PROTECTION) RateLimiter limiter,
            AccountEmailSettings settings,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.sessionStatus = sessionStatus;
        this.audit = audit;
        this.transactions = transactions;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
    }

    /** Mails a reset link if an open account uses {@code email}; the caller answers the same either way. */
    public void request(String email, ClientContext client) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        admit("reset:ip:" + client.ipAddress(), settings.resetsPerClientPerHour());
        if (address.isEmpty() || address.length() > 254 || !address.contains("@")) {
            return;
        }
        admit("reset:email:" + address, settings.resetsPerAddressPerHour());
        users.findByLogin(address)
                .filter(user -> user.email().equalsIgnoreCase(address))
                .filter(user -> user.status() == UserRecord.AccountStatus.ACTIVE)
                .ifPresent(user -> {
                    String token = transactions.execute(status -> tokens.issue(
                            user.id(),
                            AccountTokens.PASSWORD_RESET,
                            user.email(),
                            settings.passwordResetTtl(),
                            clock.instant()));
                    mails.passwordReset(
                            user.id(),
                            user.email(),
                            token,
                            settings.passwordResetTtl().toMinutes());
                });
    }

    /**
     * Sets a new password with a mailed token. A password the policy refuses leaves the token usable, so the person
     * tries another; a used, expired or unknown token is refused without saying which.
     */
    public void reset(String token, String password, ClientContext client) {
        admit("reset:ip:" + client.ipAddress(), settings.resetsPerClientPerHour());
        transactions.executeWithoutResult(status -> {
            AccountTokens.Claim claim = tokens.claim(token, AccountTokens.PASSWORD_RESET, clock.instant())
                    .orElseThrow(() -> new VezaException(
                            ErrorCode.LINK_EXPIRED,
                            "This reset link is no longer valid: it was used, it expired, or a newer one was sent."));
            UserRecord user = users.findById(claim.userId()).orElseThrow();
            policy.check(password == null ? "" : password, user.username(), user.email())
                    .ifPresent(violation -> {
                        throw VezaException.invalid("password", violation.message());
                    });
            users.updatePasswordHash(user.id(), passwords.encode(password));
            int signedOut = sessions.revokeSessions(user.id(), "password_reset");
            audit.record(new AuditEntry(
                    user.id(),
                    client.ipAddress(),
                    "user.password_reset",
                    "user",
                    user.id(),
                    Map.of("sessions_signed_out", signedOut)));
            AfterCommit.run(() -> {
                sessionStatus.forgetAll();
                mails.passwordChanged(user.id(), user.email());
            });
        });
    }

    private void admit(String key, int perHour) {
        Allowance allowance = limiter.tryConsume(key, Limit.perHour(perHour));
        if (!allowance.allowed()) {
            throw new RateLimitedException("Too many password reset requests; try again later.", allowance.reset());
        }
    }
}
