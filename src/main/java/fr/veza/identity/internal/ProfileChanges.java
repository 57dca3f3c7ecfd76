package fr.veza.identity.internal;

import fr.veza.identity.UserChanged;
import fr.veza.platform.cache.UserCache;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.evict(userId, CACHE);
                }
            });
        } else {
            cache.evict(userId, CACHE);
        }
    }
}
