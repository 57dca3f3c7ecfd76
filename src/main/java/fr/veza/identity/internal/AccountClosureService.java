package fr.veza.identity.internal;

import fr.veza.identity.Role;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.cache.UserCache;
import fr.veza.platform.config.SecretResolver;
import fr.veza.platform.db.AfterCommit;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing an account (GDPR erasure, first step) and recovering it before the deadline. Closing happens in one
 * transaction: the person's fields anonymised, sessions and API keys revoked, every capability told (tracks
 * unpublished unless kept), audited. Erasure for good is the privacy module's worker, after the deadline.
 */
@Service
public class AccountClosureService {

    private static final Logger log = LoggerFactory.getLogger(AccountClosureService.class);

    private final ClosedAccountRepository accounts;
    private final UserRepository users;
    private final SessionService sessions;
    private final SignOut signOut;
    private final PasswordEncoder passwords;
    private final List<PersonalData> personalData;
    private final ProfileChanges profileChanges;
    private final UserCache cache;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final IdentitySettings settings;
    private final SecretKeySpec emailHashKey;
    private final Clock clock;
    private final String unknownAccountHash;
    private final LoginThrottle throttle;

    AccountClosureService(
            ClosedAccountRepository accounts,
            UserRepository users,
            SessionService sessions,
            SignOut signOut,
            PasswordEncoder passwords,
            List<PersonalData> personalData,
            ProfileChanges profileChanges,
            UserCache cache,
            AuditTrail audit,
            TransactionTemplate transactions,
            IdentitySettings settings,
            SecretResolver secrets,
            LoginThrottle throttle,
            Clock clock) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.signOut = signOut;
        this.passwords = passwords;
        this.personalData = personalData;
        this.profileChanges = profileChanges;
        this.cache = cache;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.emailHashKey = new SecretKeySpec(
                secrets.resolve(settings.emailHashKey(), "EMAIL_HASH_KEY").bytes(), "HmacSHA256");
        this.clock = clock;
        // checked against when no account matches, so a recovery attempt takes as long either way
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Closes the caller's account; the password confirms it is really them. Returns the recovery deadline. */
    public Instant close(UUID userId, String password, boolean keepPublicTracks, ClientContext client) {
        Instant deadline = clock.instant().plus(settings.recoveryPeriod());
        transactions.executeWithoutResult(status -> {
            String hash = accounts.lockOpen(userId).orElseThrow(() -> VezaException.notFound("Account"));
            if (password == null || !passwords.matches(password, hash)) {
                throw new VezaException(ErrorCode.WRONG_PASSWORD, "The password does not match this account.");
            }
            UserRecord user = users.findById(userId).orElseThrow();
            if (user.role() == Role.ADMIN && users.lockActiveAdmins() <= 1) {
                throw new VezaException(ErrorCode.CONFLICT, "This is the last admin; promote another one first.");
            }
            accounts.close(userId, emailHash(user.email()), keepPublicTracks, deadline);
            SignOut.Revoked revoked = signOut.everywhere(userId, "account_closed");
            personalData.forEach(data -> data.accountClosed(userId, keepPublicTracks));
            audit.record(new AuditEntry(
                    userId,
                    client.ipAddress(),
                    "user.account_closed",
                    "user",
                    userId,
                    Map.of(
                            "keep_public_tracks", keepPublicTracks,
                            "recovery_deadline", deadline.toString(),
                            "sessions_revoked", revoked.sessions(),
                            "api_keys_revoked", revoked.apiKeys(),
                            "app_passwords_revoked", revoked.appPasswords())));
            AfterCommit.run(() -> evictCache(userId));
        });
        return deadline;
    }

    /** Opens a closed account again with its old email and password, before the deadline, and logs it in. */
    public TokenPair recover(String email, String password, ClientContext client) {
        return recover(email, password, client, (id, role) -> sessions.startSession(id, role, client));
    }

    /** The same recovery from the sign-in page: the browser that asked is signed in with a session cookie. */
    public SessionService.BrowserSession recoverBrowser(String email, String password, ClientContext client) {
        return recover(email, password, client, (id, role) -> sessions.startBrowserSession(id, client));
    }

    private <S> S recover(
            String email, String password, ClientContext client, java.util.function.BiFunction<UUID, Role, S> signIn) {
        // recovery checks a password like a login does, so it shares the login's per-address limit
        throttle.admitAddress(client.ipAddress());
        String login = email.trim();
        // and, as a login does, it counts failures per account, so rotating addresses does not help a guesser
        String accountKey = "recover:" + LoginThrottle.accountKey(java.util.Optional.empty(), login);
        throttle.admitAccount(accountKey);
        try {
            return transactions.execute(status -> {
                var account = accounts.lockRecoverable(emailHash(login), clock.instant());
                boolean matches = passwords.matches(
                        password,
                        account.map(ClosedAccountRepository.Recoverable::passwordHash)
                                .orElse(unknownAccountHash));
                if (account.isEmpty() || !matches) {
                    throttle.failed(accountKey);
                    throw new VezaException(
                            ErrorCode.INVALID_CREDENTIALS, "No recoverable account has this email and password.");
                }
                UUID id = account.get().id();
                if (accounts.emailTaken(login)) {
                    throw new VezaException(
                            ErrorCode.EMAIL_TAKEN,
                            "Another account uses this email now; the closed one cannot take it back.");
                }
                if (!"active".equals(account.get().status())) {
                    throw new VezaException(ErrorCode.ACCOUNT_SUSPENDED, "This account is suspended.");
                }
                accounts.reopen(
                        id, login, "user-" + id.toString().replace("-", "").substring(0, 24));
                personalData.forEach(data -> data.accountRecovered(id));
                audit.record(new AuditEntry(id, client.ipAddress(), "user.account_recovered", "user", id, Map.of()));
                profileChanges.changed(id);
                return signIn.apply(id, Role.of(account.get().role()));
            });
        } catch (DuplicateKeyException race) {
            throw new VezaException(ErrorCode.EMAIL_TAKEN, "Another account uses this email now.");
        }
    }

    /** Keyed, so that the stored hash cannot be matched against a list of known addresses without the key. */
    byte[] emailHash(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(emailHashKey);
            return mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void evictCache(UUID userId) {
        try {
            cache.evictAll(userId);
        } catch (RuntimeException e) {
            // entries expire by themselves, and the erasure removes whatever is left
            log.warn("cached entries of a closed account could not be evicted now error={}", e.toString());
        }
    }
}
