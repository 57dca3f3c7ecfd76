package fr.veza.identity.internal;

import fr.veza.identity.UserChanged;
import fr.veza.platform.cache.UserCache;
import fr.veza.platform.db.AfterCommit;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows a change to an account's public face: the {@link UserChanged} event, in the changing transaction,
 * and the eviction of the cached profile once that transaction committed (evicting earlier would let a concurrent
 * read cache the old profile again).
 */
@Component
public class ProfileChanges {

    /** Public profiles are cached under {@code user:{id}:profile}. */
    public static final String CACHE = "profile";

    public static final Duration TTL = Duration.ofMinutes(10);

    private final ApplicationEventPublisher events;
    private final UserCache cache;

    ProfileChanges(ApplicationEventPublisher events, UserCache cache) {
        this.events = events;
        this.cache = cache;
    }

    void changed(UUID userId) {
        events.publishEvent(new UserChanged(userId));
        AfterCommit.run(() -> cache.evict(userId, CACHE));
    }
}
