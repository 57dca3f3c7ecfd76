package fr.veza.social;

import fr.veza.identity.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's likes and follows as other front ends (music players) use them: the same toggles, events and rules as
 * the REST API's, so a song starred in a player is a like on Veza's track page.
 */
public interface Favourites {

    void like(CurrentUser user, UUID trackId);

    void unlike(CurrentUser user, UUID trackId);

    void follow(CurrentUser user, UUID artistId);

    void unfollow(CurrentUser user, UUID artistId);

    /** When the person liked each of {@code trackIds} they liked; the others are absent. */
    Map<UUID, Instant> likedAmong(UUID userId, Collection<UUID> trackIds);

    /** When the person followed each of {@code artistIds} they follow; the others are absent. */
    Map<UUID, Instant> followedAmong(UUID userId, Collection<UUID> artistIds);

    /** The person's likes, most recent first. */
    List<Favourite> likes(UUID userId, int limit);

    /** The accounts the person follows, most recent first. */
    List<Favourite> follows(UUID userId, int limit);

    record Favourite(UUID id, Instant since) {}
}
