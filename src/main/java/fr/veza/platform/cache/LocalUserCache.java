package fr.veza.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

/** The cache of a single instance without Redis: bounded, each entry with its own time to live. */
class LocalUserCache implements UserCache {

    private record Entry(Object value, Duration ttl) {}

    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Entry>creating((key, entry) -> entry.ttl()))
            .build();

    @Override
    public <T> T get(UUID userId, String name, Class<T> type, Duration ttl, Supplier<T> loader) {
        String key = UserCache.key(userId, name);
        Entry cached = entries.getIfPresent(key);
        if (cached != null && type.isInstance(cached.value())) {
            return type.cast(cached.value());
        }
        T value = loader.get();
        if (value != null) {
            entries.put(key, new Entry(value, ttl));
        }
        return value;
    }

    @Override
    public void evict(UUID userId, String name) {
        entries.invalidate(UserCache.key(userId, name));
    }

    @Override
    public void evict(Collection<UUID> userIds, String name) {
        entries.invalidateAll(
                userIds.stream().map(id -> UserCache.key(id, name)).toList());
    }

    @Override
    public long evictAll(UUID userId) {
        String prefix = "user:" + userId + ":";
        var keys = entries.asMap().keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .toList();
        entries.invalidateAll(keys);
        return keys.size();
    }
}
