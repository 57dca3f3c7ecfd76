package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, profiles and roles. Every role change is audited in the same transaction as the change. */
@Service
public class AccountService {

    private final UserRepository users;
    private final SessionService sessions;
    private final PasswordEncoder passwords;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final SessionStatus sessionStatus;
    private final ProfileChanges profileChanges;
    private final LoginThrottle throttle;

    private final EmailVerificationService verification;

    AccountService(
            UserRepository users,
            SessionService sessions,
            PasswordEncoder passwords,
            PasswordPolicy passwordPolicy,
            AuditTrail audit,
            TransactionTemplate transactions,
            SessionStatus sessionStatus,
            ProfileChanges profileChanges,
            LoginThrottle throttle,
            EmailVerificationService verification) {
        this.verification = verification;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.transactions = transactions;
        this.sessionStatus = sessionStatus;
        this.profileChanges = profileChanges;
        this.throttle = throttle;
    }

    public Registration register(String email, String username, String password, Role role, ClientContext client) {
        var created = create(
                email, username, password, role, client, (id, granted) -> sessions.startSession(id, granted, client));
        return new Registration(created.user(), created.session());
    }

    /** Creates the account and signs the browser that asked in with a session cookie. */
    public BrowserRegistration registerBrowser(
            String email, String username, String password, Role role, ClientContext client) {
        var created = create(
                email, username, password, role, client, (id, granted) -> sessions.startBrowserSession(id, client));
        return new BrowserRegistration(created.user(), created.session());
    }

    private <S> Created<S> create(
            String email,
            String username,
            String password,
            Role role,
            ClientContext client,
            java.util.function.BiFunction<UUID, Role, S> openSession) {
        Role requested = role == null ? Role.LISTENER : role;
        if (requested == Role.ADMIN || requested == Role.MODERATOR) {
            throw VezaException.invalid("role", "must be listener or artist");
        }
        throttle.admitRegistration(client.ipAddress());
        passwordPolicy.check(password, username, email).ifPresent(violation -> {
            throw new VezaException(
                    ErrorCode.VALIDATION_FAILED, "password " + violation.message(), List.of(violation), Map.of());
        });
        // checked first for a clear answer; the unique indexes settle a race between two registrations
        if (users.emailExists(email)) {
            throw new VezaException(ErrorCode.EMAIL_TAKEN, "An account with this email already exists.");
        }
        if (users.usernameExists(username)) {
            throw new VezaException(ErrorCode.USERNAME_TAKEN, "The username " + username + " is taken.");
        }
        String hash = passwords.encode(password);
        UUID id = UUID.randomUUID();
        try {
            Created<S> created = transactions.execute(status -> {
                users.insert(id, email, username, hash, requested);
                audit.record(new AuditEntry(
                        id, client.ipAddress(), "user.registered", "user", id, Map.of("role", requested.value())));
                S session = openSession.apply(id, requested);
                profileChanges.changed(id);
                return new Created<>(users.findById(id).orElseThrow(), session);
            });
            verification.welcome(created.user());
            return created;
        } catch (DuplicateKeyException race) {
            boolean emailClash = race.getMessage() != null && race.getMessage().contains("users_email_key");
            throw emailClash
                    ? new VezaException(ErrorCode.EMAIL_TAKEN, "An account with this email already exists.")
                    : new VezaException(ErrorCode.USERNAME_TAKEN, "The username " + username + " is taken.");
        }
    }

    public UserRecord get(UUID id) {
        return users.findById(id).orElseThrow(() -> VezaException.notFound("User " + id));
    }

    /** A profile others may see: active accounts only. */
    public Optional<UserRecord> findPublic(UUID id) {
        return users.findById(id).filter(user -> user.status() == UserRecord.AccountStatus.ACTIVE);
    }

    public UserRecord updateProfile(UUID id, UnaryOperator<UserRecord> change) {
        return transactions.execute(status -> {
            UserRecord updated = change.apply(get(id));
            users.updateProfile(updated);
            profileChanges.changed(id);
            return get(id);
        });
    }

    /** A listener who starts publishing. Idempotent for artists; admins keep their role. */
    public UserRecord becomeArtist(CurrentUser user, ClientContext client) {
        UserRecord updated = transactions.execute(status -> {
            UserRecord current = get(user.id());
            if (current.role() == Role.LISTENER && users.changeRole(user.id(), Role.LISTENER, Role.ARTIST)) {
                audit.record(new AuditEntry(
                        user.id(),
                        client.ipAddress(),
                        "user.role_changed",
                        "user",
                        user.id(),
                        Map.of("from", Role.LISTENER.value(), "to", Role.ARTIST.value())));
                profileChanges.changed(user.id());
            }
            return get(user.id());
        });
        sessionStatus.forgetAll();
        return updated;
    }

    public UserRecord changeRole(CurrentUser admin, UUID targetId, Role to, ClientContext client) {
        if (!admin.isAdmin()) {
            throw VezaException.forbidden("Only an admin can change roles.");
        }
        UserRecord changed = transactions.execute(status -> {
            int admins = users.lockActiveAdmins();
            UserRecord target = get(targetId);
            Role from = target.role();
            if (from == to) {
                return target;
            }
            if (from == Role.ADMIN && admins <= 1) {
                throw new VezaException(ErrorCode.CONFLICT, "This is the last admin; promote another one first.");
            }
            if (!users.changeRole(targetId, from, to)) {
                throw new VezaException(ErrorCode.CONFLICT, "The role changed meanwhile; read it again.");
            }
            audit.record(new AuditEntry(
                    admin.id(),
                    client.ipAddress(),
                    "user.role_changed",
                    "user",
                    targetId,
                    Map.of("from", from.value(), "to", to.value())));
            profileChanges.changed(targetId);
            return get(targetId);
        });
        // cached session answers carry the old role; role changes are rare, so forget them all
        sessionStatus.forgetAll();
        return changed;
    }

    public record Registration(UserRecord user, TokenPair tokens) {}

    public record BrowserRegistration(UserRecord user, SessionService.BrowserSession session) {}

    private record Created<S>(UserRecord user, S session) {}
}
