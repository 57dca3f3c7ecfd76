package fr.veza.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.veza.identity.ApiScope;
import fr.veza.identity.CurrentUser;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Developer API keys: {@code vza_} followed by 43 URL-safe characters (256 random bits), shown once. Lookups are
 * cached for a few seconds; a revocation on this instance applies at once, on others within {@link #CACHE_FOR}.
 */
@Service
public class ApiKeyService {

    static final String PREFIX = "vza_";
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ApiKeySettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<ApiKeyRepository.KeyHolder>> lookups = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_FOR)
            .maximumSize(100_000)
            .build();
    private final Cache<UUID, Instant> touched = Caffeine.newBuilder()
            .expireAfterWrite(TOUCH_EVERY)
            .maximumSize(100_000)
            .build();

    ApiKeyService(
            ApiKeyRepository keys,
            ApiKeySettings settings,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public CreatedKey create(CurrentUser owner, String name, Set<ApiScope> scopes, Instant expiresAt, String ip) {
        if (scopes.contains(ApiScope.ADMIN) && !owner.isAdmin()) {
            throw VezaException.forbidden("Only admins can create keys with the admin scope.");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw VezaException.invalid("expires_at", "must be in the future");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        String prefix = key.substring(0, PREFIX.length() + 8);
        transactions.executeWithoutResult(status -> {
            if (keys.countLive(owner.id()) >= settings.maxPerUser()) {
                throw new VezaException(
                        ErrorCode.CONFLICT, "You already have " + settings.maxPerUser() + " keys; revoke one first.");
            }
            keys.insert(id, owner.id(), name, prefix, hash(key), scopes, expiresAt);
            audit.record(new AuditEntry(
                    owner.id(),
                    ip,
                    "api_key.created",
                    "api_key",
                    id,
                    Map.of(
                            "scopes",
                            scopes.stream().map(ApiScope::value).sorted().toList())));
        });
        return new CreatedKey(keys.find(id).orElseThrow(), key);
    }

    public List<ApiKey> list(UUID userId) {
        return keys.live(userId);
    }

    public void revoke(CurrentUser owner, UUID id, String ip) {
        boolean revoked = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!keys.revoke(owner.id(), id)) {
                return false;
            }
            audit.record(new AuditEntry(owner.id(), ip, "api_key.revoked", "api_key", id, Map.of()));
            return true;
        }));
        if (!revoked) {
            throw VezaException.notFound("API key " + id);
        }
        lookups.invalidateAll(); // keyed by hash, which is not kept: forget every cached answer
    }

    /** The live key and its owner's current role, or empty for an unknown, revoked or expired key. */
    Optional<ApiKeyRepository.KeyHolder> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = hash(presented);
        Optional<ApiKeyRepository.KeyHolder> holder =
                lookups.get(HexFormat.of().formatHex(hash), h -> keys.authenticate(hash));
        holder.ifPresent(found -> {
            if (touched.asMap().putIfAbsent(found.key().id(), clock.instant()) == null) {
                keys.touch(found.key().id()); // last use, to the minute: one write per key per minute at most
            }
        });
        return holder.filter(found ->
                found.key().expiresAt() == null || found.key().expiresAt().isAfter(clock.instant()));
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A new key: its description, and the key itself, which is never shown again. */
    public record CreatedKey(ApiKey key, String secret) {}
}
