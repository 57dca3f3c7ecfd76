package fr.veza.identity.internal;

import fr.veza.identity.Accounts;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an admin does to accounts: find them, suspend and reinstate them, each decision audited in the same
 * transaction. Role changes go through {@link AccountService#changeRole}, which keeps the last admin.
 */
@Service
public class AccountAdministration {

    private static final int FOUND = 50;

    private final UserRepository users;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    AccountAdministration(UserRepository users, Accounts accounts, AuditTrail audit, TransactionTemplate transactions) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Open accounts whose username or email starts with, or whose display name holds, the words; newest first. */
    public List<UserRecord> search(String query) {
        return users.searchForAdmin(query == null ? "" : query.strip(), FOUND);
    }

    public UserRecord get(UUID id) {
        return users.findById(id).orElseThrow(() -> VezaException.notFound("User " + id));
    }

    /** Signs the person out everywhere and hides what they published, until reinstated. */
    public UserRecord suspend(CurrentUser admin, UUID id, String reason, ClientContext client) {
        requireAdmin(admin);
        return transactions.execute(status -> {
            UserRecord target = get(id);
            if (target.id().equals(admin.id())) {
                throw new VezaException(ErrorCode.CONFLICT, "You cannot suspend yourself.");
            }
            if (target.role() == Role.ADMIN) {
                throw new VezaException(ErrorCode.CONFLICT, "This is an admin; change their role first.");
            }
            if (!accounts.suspend(id, "suspended_by_admin")) {
                throw new VezaException(ErrorCode.CONFLICT, "This account is already suspended.");
            }
            audit.record(new AuditEntry(
                    admin.id(), client.ipAddress(), "user.suspended", "user", id, Map.of("reason", reason)));
            return get(id);
        });
    }

    public UserRecord reinstate(CurrentUser admin, UUID id, ClientContext client) {
        requireAdmin(admin);
        return transactions.execute(status -> {
            get(id);
            if (!accounts.reinstate(id)) {
                throw new VezaException(ErrorCode.CONFLICT, "This account is not suspended.");
            }
            audit.record(new AuditEntry(admin.id(), client.ipAddress(), "user.reinstated", "user", id, Map.of()));
            return get(id);
        });
    }

    private static void requireAdmin(CurrentUser admin) {
        if (!admin.isAdmin()) {
            throw VezaException.forbidden("Only an admin can do this.");
        }
    }
}
