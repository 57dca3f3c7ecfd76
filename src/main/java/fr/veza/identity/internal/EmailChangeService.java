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
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person moves their account to another address. Asking takes the password (whoever holds an open session must
 * not take the account over with it), mails a link to the new address and a notice to the old one; the account
 * keeps its address until the link is followed, then holds the new one, confirmed, and the old one is told.
 */
@Service
public class EmailChangeService {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final UserRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final PasswordConfirmation confirmation;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final RateLimiter limiter;
    private final AccountEmailSettings settings;
    private final Clock clock;

    EmailChangeService(
            UserRepository users,
            AccountTokens tokens,
            AccountMails mails,
            PasswordConfirmation confirmation,
            AuditTrail audit,
            TransactionTemplate transactions,
            @Qualifier(RateLimiters.ACCOUNT_PROTECTION) RateLimiter limiter,
            AccountEmailSettings settings,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.confirmation = confirmation;
        this.audit = audit;
        this.transactions = transactions;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
    }

    public void request(CurrentUser me, String newEmail, String password, ClientContext client) {
        UserRecord account = users.findById(me.id()).orElseThrow(() -> VezaException.notFound("Account"));
        String email = newEmail == null ? "" : newEmail.strip();
        if (email.length() > 254 || !ADDRESS.matcher(email).matches()) {
            throw VezaException.invalid("email", "must be an email address");
        }
        confirmation.require(account, password, client, "The password does not match this account.");
        if (email.equalsIgnoreCase(account.email())) {
            throw VezaException.invalid("email", "is already the address of your account");
        }
        if (users.emailExists(email)) {
            throw new VezaException(ErrorCode.EMAIL_TAKEN, "Another account uses this address.");
        }
        Allowance allowance =
                limiter.tryConsume("email-change:" + account.id(), Limit.perHour(settings.resendsPerHour()));
        if (!allowance.allowed()) {
            throw new RateLimitedException(
                    "A change of address was asked several times this hour; check the new address's inbox.",
                    allowance.reset());
        }
        String token = transactions.execute(status -> {
            audit.record(new AuditEntry(
                    account.id(), client.ipAddress(), "user.email_change_asked", "user", account.id(), Map.of()));
            return tokens.issue(
                    account.id(), AccountTokens.EMAIL_CHANGE, email, settings.verificationTtl(), clock.instant());
        });
        mails.confirmNewEmail(
                account.id(), email, token, settings.verificationTtl().toHours());
        mails.emailChangeAsked(account.id(), account.email(), email);
    }

    /** Applies the change the token was mailed for, if the new address is still free. */
    public void confirm(String token) {
        Changed changed = transactions.execute(status -> {
            AccountTokens.Claim claim = tokens.claim(token, AccountTokens.EMAIL_CHANGE, clock.instant())
                    .orElseThrow(() -> new VezaException(
                            ErrorCode.LINK_EXPIRED,
                            "This link is no longer valid: it was used, it expired, or a newer change was asked."));
            UserRecord account = users.findById(claim.userId()).orElseThrow(() -> VezaException.notFound("Account"));
            if (!users.changeEmail(account.id(), claim.email(), clock.instant())) {
                status.setRollbackOnly();
                throw new VezaException(ErrorCode.EMAIL_TAKEN, "Another account took this address meanwhile.");
            }
            audit.record(new AuditEntry(account.id(), null, "user.email_changed", "user", account.id(), Map.of()));
            return new Changed(account.id(), account.email(), claim.email());
        });
        mails.emailChanged(changed.userId(), changed.oldEmail(), changed.newEmail());
    }

    private record Changed(java.util.UUID userId, String oldEmail, String newEmail) {}
}
