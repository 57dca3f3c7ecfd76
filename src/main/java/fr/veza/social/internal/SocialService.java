package fr.veza.social.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.social.TrackLiked;
import fr.veza.social.TrackReposted;
import fr.veza.social.UserFollowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Likes, follows and reposts: idempotent toggles, each in one transaction with its counter and, when something
 * really changed, its event. A toggle that lost a lock race to a concurrent one is simply run again.
 */
@Service
public class SocialService {

    private static final int ATTEMPTS = 3;

    private final ToggleRepository toggles;
    private final BlockRepository blocks;
    private final TrackCatalog tracks;
    private final UserDirectory users;
    private final FeedCache feeds;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SocialService(
            ToggleRepository toggles,
            BlockRepository blocks,
            TrackCatalog tracks,
            UserDirectory users,
            FeedCache feeds,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.toggles = toggles;
        this.blocks = blocks;
        this.tracks = tracks;
        this.users = users;
        this.feeds = feeds;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public LikeState like(CurrentUser user, UUID trackId) {
        TrackSummary track = visibleTrack(trackId, user);
        return inTransaction(() -> {
            if (toggles.like(user.id(), trackId)) {
                events.publishEvent(
                        new TrackLiked(user.id(), trackId, track.ownerId(), track.title(), clock.instant()));
            }
            return new LikeState(true, toggles.likes(trackId));
        });
    }

    /** Taking a like back works even once the track is gone: it is the liker's own row. */
    public LikeState unlike(CurrentUser user, UUID trackId) {
        return inTransaction(() -> {
            toggles.unlike(user.id(), trackId);
            return new LikeState(false, toggles.likes(trackId));
        });
    }

    public LikeState likes(UUID trackId, CurrentUser viewer) {
        visibleTrack(trackId, viewer);
        return new LikeState(viewer != null && toggles.likes(viewer.id(), trackId), toggles.likes(trackId));
    }

    public FollowState follow(CurrentUser user, UUID targetId) {
        if (user.id().equals(targetId)) {
            throw VezaException.invalid("user_id", "you cannot follow yourself");
        }
        requireUser(targetId);
        if (blocks.blocks(targetId, user.id())) {
            throw VezaException.forbidden("This person does not take new followers from you.");
        }
        FollowState state = inTransaction(() -> {
            if (toggles.follow(user.id(), targetId)) {
                events.publishEvent(new UserFollowed(user.id(), targetId, clock.instant()));
            }
            return new FollowState(true, toggles.followCounts(targetId).followers());
        });
        feeds.evict(user.id());
        return state;
    }

    /**
     * Blocks someone: their follow of the blocker ends (and the blocker's of them), and from now on they cannot
     * follow, comment on the blocker's tracks or reach them in chat.
     */
    public void block(CurrentUser user, UUID targetId) {
        if (user.id().equals(targetId)) {
            throw VezaException.invalid("user_id", "you cannot block yourself");
        }
        requireUser(targetId);
        inTransaction(() -> {
            blocks.block(user.id(), targetId);
            toggles.unfollow(targetId, user.id());
            toggles.unfollow(user.id(), targetId);
            return null;
        });
        feeds.evict(user.id());
        feeds.evict(targetId);
    }

    public record Blocked(UUID userId, Instant at) {}

    public void unblock(CurrentUser user, UUID targetId) {
        blocks.unblock(user.id(), targetId);
    }

    public List<Blocked> blocked(CurrentUser user) {
        return blocks.of(user.id()).stream()
                .map(b -> new Blocked(b.userId(), b.at()))
                .toList();
    }

    public FollowState unfollow(CurrentUser user, UUID targetId) {
        FollowState state = inTransaction(() -> {
            toggles.unfollow(user.id(), targetId);
            return new FollowState(false, toggles.followCounts(targetId).followers());
        });
        feeds.evict(user.id());
        return state;
    }

    public FollowStats followStats(UUID userId, CurrentUser viewer) {
        requireUser(userId);
        ToggleRepository.FollowCounts counts = toggles.followCounts(userId);
        boolean following = viewer != null && toggles.follows(viewer.id(), userId);
        return new FollowStats(counts.followers(), counts.following(), following);
    }

    /** An artist's audience for their dashboard: followers now, and how many of them came in the last days. */
    public Audience audience(CurrentUser artist, int days) {
        long gained =
                toggles.followersSince(artist.id(), java.time.Instant.now().minus(java.time.Duration.ofDays(days)));
        return new Audience(toggles.followCounts(artist.id()).followers(), gained);
    }

    public record Audience(long followers, long gained) {}

    /** A page of followers ({@code followers}) or followed accounts, newest first; hidden accounts are skipped. */
    public CursorPage<Person> follows(UUID userId, boolean followers, Cursor after, int limit) {
        requireUser(userId);
        CursorPage<ToggleRepository.Follow> page = CursorPage.of(
                toggles.follows(userId, followers, after, limit + 1),
                limit,
                follow -> new Cursor(follow.since(), follow.userId()));
        Map<UUID, UserSummary> people = users.findAll(
                page.items().stream().map(ToggleRepository.Follow::userId).toList());
        return new CursorPage<>(
                page.items().stream()
                        .filter(follow -> people.containsKey(follow.userId()))
                        .map(follow -> new Person(people.get(follow.userId()), follow.since()))
                        .toList(),
                page.nextCursor());
    }

    /**
     * The tracks a person liked, most recent like first. A liked track they may no longer see stays counted in
     * the paging but is left out, so a page may hold fewer than {@code limit}.
     */
    public CursorPage<LikedTrack> liked(CurrentUser user, Cursor after, int limit) {
        CursorPage<ToggleRepository.Like> page = CursorPage.of(
                toggles.likedBy(user.id(), after, limit + 1), limit, like -> new Cursor(like.at(), like.trackId()));
        Map<UUID, TrackSummary> visible = tracks.findVisible(
                page.items().stream().map(ToggleRepository.Like::trackId).toList(), user);
        return new CursorPage<>(
                page.items().stream()
                        .filter(like -> visible.containsKey(like.trackId()))
                        .map(like -> new LikedTrack(visible.get(like.trackId()), like.at()))
                        .toList(),
                page.nextCursor());
    }

    /** Only public tracks travel to followers' feeds, and not one's own. */
    public void repost(CurrentUser user, UUID trackId) {
        TrackSummary track = visibleTrack(trackId, user);
        if (!track.isPublic()) {
            throw VezaException.invalid("track_id", "only public tracks can be reposted");
        }
        if (track.ownerId().equals(user.id())) {
            throw VezaException.invalid("track_id", "your own tracks already reach your followers");
        }
        inTransaction(() -> {
            if (toggles.repost(user.id(), trackId)) {
                events.publishEvent(new TrackReposted(user.id(), trackId, track.ownerId(), track.title(), true));
            }
            return null;
        });
    }

    public void unrepost(CurrentUser user, UUID trackId) {
        inTransaction(() -> {
            if (toggles.unrepost(user.id(), trackId)) {
                events.publishEvent(new TrackReposted(user.id(), trackId, null, null, false));
            }
            return null;
        });
    }

    private TrackSummary visibleTrack(UUID trackId, CurrentUser viewer) {
        return tracks.findVisible(trackId, viewer).orElseThrow(() -> VezaException.notFound("Track " + trackId));
    }

    private void requireUser(UUID userId) {
        if (users.find(userId).isEmpty()) {
            throw VezaException.notFound("User " + userId);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public record LikeState(boolean liked, long likeCount) {}

    public record FollowState(boolean following, long followerCount) {}

    public record Person(UserSummary user, Instant since) {}

    public record LikedTrack(TrackSummary track, Instant likedAt) {}

    public record FollowStats(long followers, long following, boolean followedByYou) {}
}
