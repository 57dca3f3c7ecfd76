package fr.veza.catalog;

import java.util.UUID;

/**
 * What people did with a track, so that its view answers in one call what a page shows beside it. The social
 * module owns these facts and provides them; the catalog only asks.
 */
public interface TrackEngagement {

    Counts of(UUID trackId, UUID viewerId);

    /** @param liked whether the viewer liked it (false for a visitor); {@code reposted} likewise */
    record Counts(long likes, long reposts, long comments, boolean liked, boolean reposted) {

        public static final Counts NONE = new Counts(0, 0, 0, false, false);
    }
}
