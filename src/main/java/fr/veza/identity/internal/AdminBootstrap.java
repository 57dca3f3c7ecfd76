package fr.veza.identity.internal;

import fr.veza.identity.Role;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the account named by {@code VEZA_ADMIN_EMAIL} an admin at start: created with {@code VEZA_ADMIN_PASSWORD}
 * if it does not exist, promoted if it does (its password is then left alone). Registration never grants admin.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentitySettings settings;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    AdminBootstrap(
            IdentitySettings settings,
            UserRepository users,
            PasswordEncoder passwords,
            AuditTrail audit,
            TransactionTemplate transactions) {
        this.settings = settings;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = settings.adminEmail();
        if (email == null || email.isBlank()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> ensureAdmin(email.trim()));
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            log.info("admin bootstrap: another instance created {} first", email);
        }
    }

    private void ensureAdmin(String email) {
        var existing = users.findByLogin(email).filter(user -> user.email().equalsIgnoreCase(email));
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            String username = freeUsername(email);
            users.insert(
                    id,
                    email,
                    username,
                    passwords.encode(settings.adminPassword().value()),
                    Role.ADMIN);
            audit.record(new AuditEntry(null, null, "user.admin_bootstrapped", "user", id, Map.of("created", true)));
            log.info("admin bootstrap: created admin account username={}", username);
            return;
        }
        UserRecord user = existing.get();
        if (user.role() != Role.ADMIN && users.changeRole(user.id(), user.role(), Role.ADMIN)) {
            audit.record(new AuditEntry(
                    null,
                    null,
                    "user.role_changed",
                    "user",
                    user.id(),
                    Map.of("from", user.role().value(), "to", Role.ADMIN.value(), "by", "VEZA_ADMIN_EMAIL")));
            log.info("admin bootstrap: promoted username={} to admin", user.username());
        }
    }

    private String freeUsername(String email) {
        String base =
                email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "");
        base = base.length() < 3 ? "admin" : base.substring(0, Math.min(base.length(), 24));
        String candidate = base;
        for (int n = 2; users.usernameExists(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
