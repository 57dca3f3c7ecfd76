package fr.veza.platform.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Hot reads that belong to one person (a profile, a feed page), kept under keys {@code user:{id}:{name}}: in Redis
 * when it is configured, so every instance sees one copy and an invalidation reaches them all, in process otherwise.
 * A cache that cannot answer is skipped, never an error: the loader reads the database.
 */
public interface UserCache {

    /** The cached value, or the loader's (then cached for {@code ttl}); a null from the loader is not cached. */
    <T> T get(UUID userId, String name, Class<T> type, Duration ttl, Supplier<T> loader);

    void evict(UUID userId, String name);

    /** Evicts {@code name} for many people at once (the feeds of an artist's followers). */
    void evict(Collection<UUID> userIds, String name);

    /**
     * Every key of the person, whatever its name: {@code user:{id}:*}. Returns how many were removed; unlike the
     * other methods it throws when the store fails, so that erasure can tell and try again.
     */
    long evictAll(UUID userId);

    static String key(UUID userId, String name) {
        return "user:" + userId + ":" + name;
    }
}
