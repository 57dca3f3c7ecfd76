package fr.veza.social.internal;

import fr.veza.platform.cache.UserCache;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The first page of each feed, cached under {@code user:{id}:feed}: it is what a listener opens the app on, and
 * it changes far less often than it is read. Invalidated when the listener follows or unfollows and when a
 * followed account publishes, changes or reposts a track; the short time to live bounds the rest.
 */
@Component
class FeedCache {

    static final String NAME = "feed";
    static final Duration TTL = Duration.ofMinutes(2);
    private static final int BATCH = 1_000;

    private final UserCache cache;
    private final FeedRepository feeds;

    FeedCache(UserCache cache, FeedRepository feeds) {
        this.cache = cache;
        this.feeds = feeds;
    }

    FeedPage firstPage(UUID userId, java.util.function.Supplier<FeedPage> loader) {
        return cache.get(userId, NAME, FeedPage.class, TTL, loader);
    }

    void evict(UUID userId) {
        cache.evict(userId, NAME);
    }

    /** The feeds of everyone who follows {@code userId}. */
    int evictFollowersOf(UUID userId) {
        int evicted = 0;
        UUID after = null;
        List<UUID> batch;
        do {
            batch = feeds.followers(userId, after, BATCH);
            if (!batch.isEmpty()) {
                cache.evict(batch, NAME);
                evicted += batch.size();
                after = batch.get(batch.size() - 1);
            }
        } while (batch.size() == BATCH);
        return evicted;
    }
}
