package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.ratelimit.RateLimiters;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the address an account holds is its owner's: a link mailed at sign-up (and again on request) confirms
 * it. Unverified accounts use Veza as any other; only mail beyond account mails waits for the confirmation.
 */
@Service
public class EmailVerificationService {

    private final UserRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final RateLimiter limiter;
    private final AccountEmailSettings settings;
    private final Clock clock;

    EmailVerificationService(
            UserRepository users,
            AccountTokens tokens,
            AccountMails mails,
            AuditTrail audit,
            TransactionTemplate transactions,
            @Qualifier(RateLimiters.ACCOUNT_PROTECTION) RateLimiter limiter,
            AccountEmailSettings settings,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.transactions = transactions;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
    }

    /** Mails the link to a new account's address. */
    void welcome(UserRecord user) {
        send(user);
    }

    /** Mails the link again, a few times an hour at most. */
    public void resend(CurrentUser me) {
        UserRecord user = users.findById(me.id()).orElseThrow(() -> VezaException.notFound("Account"));
        if (user.emailVerifiedAt() != null) {
            throw new VezaException(ErrorCode.CONFLICT, "Your email is already verified.");
        }
        Allowance allowance =
                limiter.tryConsume("verify:resend:" + user.id(), Limit.perHour(settings.resendsPerHour()));
        if (!allowance.allowed()) {
            throw new RateLimitedException(
                    "Verification mails were sent several times this hour; check your inbox and spam folder.",
                    allowance.reset());
        }
        send(user);
    }

    /** Confirms the address the token was mailed to, if the account still holds it. */
    public void verify(String token) {
        transactions.executeWithoutResult(status -> {
            AccountTokens.Claim claim = tokens.claim(token, AccountTokens.EMAIL_VERIFICATION, clock.instant())
                    .orElseThrow(() -> new VezaException(
                            ErrorCode.LINK_EXPIRED,
                            "This verification link is no longer valid: it was used, it expired, or a newer one"
                                    + " was sent."));
            users.markEmailVerified(claim.userId(), clock.instant());
            audit.record(new AuditEntry(claim.userId(), null, "user.email_verified", "user", claim.userId(), Map.of()));
        });
    }

    private void send(UserRecord user) {
        String token = transactions.execute(status -> tokens.issue(
                user.id(),
                AccountTokens.EMAIL_VERIFICATION,
                user.email(),
                settings.verificationTtl(),
                clock.instant()));
        mails.verifyEmail(user.id(), user.email(), token);
    }
}
