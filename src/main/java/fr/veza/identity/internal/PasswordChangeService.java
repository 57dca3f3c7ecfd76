package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.VezaException;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person changes their password, knowing the current one. Every other session ends (whoever else held one is
 * out); the session that asked stays signed in. API keys and app passwords are separate credentials and stay.
 */
@Service
public class PasswordChangeService {

    private final UserRepository users;
    private final SessionService sessions;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final PasswordConfirmation confirmation;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PasswordChangeService(
            UserRepository users,
            SessionService sessions,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            PasswordConfirmation confirmation,
            AuditTrail audit,
            TransactionTemplate transactions) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.policy = policy;
        this.confirmation = confirmation;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** @return how many other sessions were signed out */
    public int change(CurrentUser user, String current, String next, ClientContext client) {
        UserRecord account = users.findById(user.id()).orElseThrow(() -> VezaException.notFound("Account"));
        confirmation.require(account, current, client, "The current password does not match this account.");
        if (next == null || next.equals(current)) {
            throw VezaException.invalid("new_password", "must differ from the current password");
        }
        policy.check(next, account.username(), account.email()).ifPresent(violation -> {
            throw VezaException.invalid("new_password", violation.message());
        });
        String hash = passwords.encode(next);
        transactions.executeWithoutResult(status -> {
            users.updatePasswordHash(user.id(), hash);
            audit.record(new AuditEntry(
                    user.id(), client.ipAddress(), "user.password_changed", "user", user.id(), Map.of()));
        });
        return sessions.revokeOthers(user, "password_changed", client);
    }
}
