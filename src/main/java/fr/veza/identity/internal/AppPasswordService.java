package fr.veza.identity.internal;

import fr.veza.identity.ApiScope;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.PlayerCredentials;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * App passwords: created for one player each, shown once, kept encrypted, revoked one by one or all at once when
 * the account closes. They are how players sign in to the Subsonic API ({@link PlayerCredentials}).
 */
@Service
public class AppPasswordService implements PlayerCredentials {

    static final int MAX_PER_PERSON = 20;
    /** Lowercase letters and digits without look-alikes, in four groups a person can type on a phone. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AppPasswordRepository passwords;
    private final AppPasswordCipher cipher;
    private final UserRepository users;
    private final ApiKeyService apiKeys;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AppPasswordService(
            AppPasswordRepository passwords,
            AppPasswordCipher cipher,
            UserRepository users,
            ApiKeyService apiKeys,
            LoginThrottle throttle,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.passwords = passwords;
        this.cipher = cipher;
        this.users = users;
        this.apiKeys = apiKeys;
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Created create(CurrentUser owner, String name, String ip) {
        String password = newPassword();
        UUID id = UUID.randomUUID();
        AppPasswordRepository.Row row = transactions.execute(status -> {
            if (passwords.countLiveLocked(owner.id()) >= MAX_PER_PERSON) {
                throw new VezaException(
                        ErrorCode.CONFLICT, "You already have " + MAX_PER_PERSON + " app passwords; revoke one first.");
            }
            AppPasswordRepository.Row inserted =
                    passwords.insert(id, owner.id(), name, cipher.seal(id, owner.id(), password));
            audit.record(new AuditEntry(owner.id(), ip, "app_password.created", "app_password", id, Map.of()));
            return inserted;
        });
        return new Created(view(row), password);
    }

    public List<AppPassword> list(UUID userId) {
        return passwords.live(userId).stream().map(AppPasswordService::view).toList();
    }

    public void revoke(CurrentUser owner, UUID id, String ip) {
        boolean revoked = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!passwords.revoke(owner.id(), id)) {
                return false;
            }
            audit.record(new AuditEntry(owner.id(), ip, "app_password.revoked", "app_password", id, Map.of()));
            return true;
        }));
        if (!revoked) {
            throw VezaException.notFound("App password " + id);
        }
    }

    @Override
    public Optional<Player> byToken(String username, String token, String salt, String clientIp) {
        if (token == null || salt == null || token.length() != 32) {
            return Optional.empty();
        }
        byte[] presented = token.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return check(
                username,
                clientIp,
                password ->
                        MessageDigest.isEqual(md5Hex(password + salt).getBytes(StandardCharsets.US_ASCII), presented));
    }

    @Override
    public Optional<Player> byPassword(String username, String password, String clientIp) {
        if (password == null) {
            return Optional.empty();
        }
        byte[] presented = password.getBytes(StandardCharsets.UTF_8);
        return check(
                username,
                clientIp,
                candidate -> MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), presented));
    }

    @Override
    public Optional<Player> byApiKey(String key) {
        return apiKeys.authenticate(key)
                .map(holder -> new Player(
                        new CurrentUser(holder.key().userId(), holder.role(), null),
                        ApiScope.allows(holder.key().scopes(), ApiScope.WRITE)));
    }

    /** Every live app password of the account is tried (a person has a few): whichever matches signs the player in. */
    private Optional<Player> check(String username, String ip, java.util.function.Predicate<String> matches) {
        if (username == null || username.isBlank() || username.length() > 320) {
            return Optional.empty();
        }
        Optional<UserRecord> account = users.findByLogin(username);
        UUID accountId = account.map(UserRecord::id).orElse(null);
        throttle.admitPlayer(ip, accountId);
        Optional<Player> player = account.filter(user -> user.status() == UserRecord.AccountStatus.ACTIVE)
                .flatMap(user -> passwords.live(user.id()).stream()
                        .filter(row -> {
                            String plain = cipher.open(row.id(), row.userId(), row.nonce(), row.ciphertext());
                            return plain != null && matches.test(plain);
                        })
                        .findFirst()
                        .map(row -> {
                            touch(row);
                            return new Player(new CurrentUser(user.id(), user.role(), null), true);
                        }));
        if (player.isEmpty()) {
            throttle.playerFailed(ip, accountId);
        }
        return player;
    }

    private void touch(AppPasswordRepository.Row row) {
        Instant now = clock.instant();
        if (row.lastUsedAt() == null || row.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            passwords.touch(row.id(), now); // the last use, to the minute: one write per password per minute at most
        }
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return password.toString();
    }

    private static String md5Hex(String text) {
        try {
            // the Subsonic protocol's own token: MD5 is what every player computes, not a choice made here
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    private static AppPassword view(AppPasswordRepository.Row row) {
        return new AppPassword(row.id(), row.name(), row.createdAt(), row.lastUsedAt());
    }

    /** An app password as its owner sees it in a list: never the password. */
    public record AppPassword(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}

    /** A new app password: its description, and the password itself, which is never shown again. */
    public record Created(AppPassword appPassword, String password) {}
}
