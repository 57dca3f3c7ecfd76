package fr.veza.social.internal;

import fr.veza.catalog.TrackSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of a feed, as the API answers it and as the cache keeps it. */
public record FeedPage(List<Item> items, String nextCursor) {

    /** A new track of a followed account ({@code track}) or a track it reposted ({@code repost}). */
    public record Item(String kind, Actor actor, TrackSummary track, Instant at) {}

    public record Actor(UUID id, String username, String displayName) {}
}
