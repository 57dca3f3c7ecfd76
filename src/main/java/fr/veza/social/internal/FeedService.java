package fr.veza.social.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
public class FeedService {

    public static final int PAGE_SIZE = 20;

    private final FeedRepository feeds;
    private final FeedCache cache;
    private final TrackCatalog tracks;
    private final UserDirectory users;

    FeedService(FeedRepository feeds, FeedCache cache, TrackCatalog tracks, UserDirectory users) {
        this.feeds = feeds;
        this.cache = cache;
        this.tracks = tracks;
        this.users = users;
    }

    public FeedPage page(CurrentUser user, String cursor) {
        FeedCursor after = FeedCursor.decode(cursor);
        if (after == null) {
            return cache.firstPage(user.id(), () -> load(user, null));
        }
        return load(user, after);
    }

    private FeedPage load(CurrentUser user, FeedCursor after) {
        List<FeedRepository.FeedItemRow> rows = feeds.page(user.id(), after, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<FeedRepository.FeedItemRow> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        Map<java.util.UUID, TrackSummary> visible = tracks.findVisible(
                page.stream()
                        .map(FeedRepository.FeedItemRow::trackId)
                        .distinct()
                        .toList(),
                user);
        Map<java.util.UUID, UserSummary> actors = users.findAll(page.stream()
                .map(FeedRepository.FeedItemRow::actorId)
                .distinct()
                .toList());
        List<FeedPage.Item> items = new ArrayList<>();
        for (FeedRepository.FeedItemRow row : page) {
            TrackSummary track = visible.get(row.trackId());
            UserSummary actor = actors.get(row.actorId());
            if (track != null && actor != null) {
                items.add(new FeedPage.Item(
                        row.kind(),
                        new FeedPage.Actor(actor.id(), actor.username(), actor.displayName()),
                        track,
                        row.at()));
            }
        }
        FeedRepository.FeedItemRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new FeedPage(items, more ? new FeedCursor(last.at(), last.actorId(), last.trackId()).encode() : null);
    }
}
