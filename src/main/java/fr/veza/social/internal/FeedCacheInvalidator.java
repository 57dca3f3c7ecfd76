package fr.veza.social.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.identity.UserChanged;
import fr.veza.social.TrackReposted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After a commit that changes what followers should see, their cached first pages go. */
@Component
class FeedCacheInvalidator {

    private final FeedCache cache;

    FeedCacheInvalidator(FeedCache cache) {
        this.cache = cache;
    }

    @ApplicationModuleListener
    void on(TrackChanged event) {
        cache.evictFollowersOf(event.ownerId());
    }

    @ApplicationModuleListener
    void on(TrackReposted event) {
        cache.evictFollowersOf(event.userId());
    }

    /** Feeds show the names of the people followed, and a suspended or closed account leaves them. */
    @ApplicationModuleListener
    void on(UserChanged event) {
        cache.evictFollowersOf(event.userId());
    }
}
