package fr.veza.platform.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared cache in Redis, values as JSON. Redis failing (down, slow, full) costs a database read, never a failed
 * request: each failure is logged and counted ({@code veza.cache.errors}). Entries always carry a time to live,
 * which bounds how stale a value can be if an invalidation could not reach Redis.
 */
class RedisUserCache implements UserCache {

    private static final Logger log = LoggerFactory.getLogger(RedisUserCache.class);
    static final int SCAN_COUNT = 100;
    static final int MAX_PENDING = 100_000;
    static final int SCAN_RETRIES = 3;

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ObjectMapper json;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;
    /** Evictions Redis refused while it was failing; replayed first once it answers again. */
    private final Queue<String> pendingEvictions = new ConcurrentLinkedQueue<>();

    RedisUserCache(StatefulRedisConnection<String, byte[]> connection, ObjectMapper json, MeterRegistry meters) {
        this.connection = connection;
        this.json = json;
        this.hits = meters.counter("veza.cache.requests", "result", "hit");
        this.misses = meters.counter("veza.cache.requests", "result", "miss");
        this.errors = meters.counter("veza.cache.errors");
    }

    @Override
    public <T> T get(UUID userId, String name, Class<T> type, Duration ttl, Supplier<T> loader) {
        String key = UserCache.key(userId, name);
        try {
            replayPendingEvictions();
            byte[] cached = connection.sync().get(key);
            if (cached != null) {
                hits.increment();
                return json.readValue(cached, type);
            }
            misses.increment();
        } catch (RuntimeException | IOException e) {
            failed("read", key, e);
            return loader.get();
        }
        T value = loader.get();
        if (value != null) {
            try {
                connection.sync().psetex(key, ttl.toMillis(), json.writeValueAsBytes(value));
            } catch (RuntimeException | IOException e) {
                failed("write", key, e);
            }
        }
        return value;
    }

    @Override
    public void evict(UUID userId, String name) {
        delete(List.of(UserCache.key(userId, name)));
    }

    @Override
    public void evict(Collection<UUID> userIds, String name) {
        List<String> keys = userIds.stream().map(id -> UserCache.key(id, name)).toList();
        for (int from = 0; from < keys.size(); from += 500) {
            delete(keys.subList(from, Math.min(keys.size(), from + 500)));
        }
    }

    /**
     * SCAN, never KEYS: a large keyspace is walked in small steps without blocking Redis. A failed SCAN step is
     * tried again up to {@value #SCAN_RETRIES} times, waiting 100 ms more each time; a failed DEL of one batch is
     * logged and the walk goes on, so the other batches are still removed, and the call then throws so that the
     * caller knows to come back for what is left.
     */
    @Override
    public long evictAll(UUID userId) {
        RedisCommands<String, byte[]> redis = connection.sync();
        ScanArgs match = ScanArgs.Builder.matches("user:" + userId + ":*").limit(SCAN_COUNT);
        long removed = 0;
        int failedBatches = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = scan(redis, cursor, match);
            if (!page.getKeys().isEmpty()) {
                try {
                    removed += redis.del(page.getKeys().toArray(String[]::new));
                } catch (RuntimeException e) {
                    failedBatches++;
                    errors.increment();
                    log.warn(
                            "cache evictAll: DEL of {} keys failed; going on error={}",
                            page.getKeys().size(),
                            e.toString());
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        if (failedBatches > 0) {
            throw new IllegalStateException(failedBatches + " batches of keys could not be deleted");
        }
        return removed;
    }

    private KeyScanCursor<String> scan(RedisCommands<String, byte[]> redis, ScanCursor cursor, ScanArgs match) {
        for (int attempt = 1; ; attempt++) {
            try {
                return redis.scan(cursor, match);
            } catch (RuntimeException e) {
                errors.increment();
                if (attempt >= SCAN_RETRIES) {
                    throw e;
                }
                log.warn("cache evictAll: SCAN failed, retry {} error={}", attempt, e.toString());
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A value Redis kept through an outage (it may persist to disk) must not outlive an invalidation that failed
     * meanwhile: failed evictions are queued and replayed before the next read is served from Redis.
     */
    private void delete(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            connection.sync().del(keys.toArray(String[]::new));
        } catch (RuntimeException e) {
            failed("evict", keys.get(0), e);
            if (pendingEvictions.size() < MAX_PENDING) {
                pendingEvictions.addAll(keys);
            }
        }
    }

    private void replayPendingEvictions() {
        while (!pendingEvictions.isEmpty()) {
            List<String> batch = new ArrayList<>();
            String key;
            while (batch.size() < 500 && (key = pendingEvictions.peek()) != null) {
                batch.add(key);
                pendingEvictions.poll();
            }
            try {
                connection.sync().del(batch.toArray(String[]::new));
            } catch (RuntimeException e) {
                pendingEvictions.addAll(batch);
                throw e;
            }
        }
    }

    private void failed(String operation, String key, Exception e) {
        errors.increment();
        // the key names a person by id only; the value is never logged
        log.warn("cache {} failed; answered from the database key={} error={}", operation, key, e.toString());
    }
}
