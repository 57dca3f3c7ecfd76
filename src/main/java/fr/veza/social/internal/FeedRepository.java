package fr.veza.social.internal;

import fr.veza.catalog.PublicTracks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The feed, read straight from its sources: public, ready tracks of the accounts someone follows and the tracks
 * those accounts reposted, newest first. Items are ordered by (time, actor, track), which is unique, so the
 * cursor is exact however many items share a timestamp.
 */
@Repository
class FeedRepository {

    private final JdbcClient jdbc;

    FeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FeedItemRow> page(UUID userId, FeedCursor after, int limit) {
        String before = after == null ? "" : " WHERE (at, actor_id, track_id) < (:at, :actor, :track)";
        return jdbc.sql("""
                        SELECT kind, actor_id, track_id, at FROM (
                            SELECT 'track' AS kind, t.owner_id AS actor_id, t.id AS track_id, t.ready_at AS at
                            FROM user_follows f
                            JOIN tracks t ON t.owner_id = f.following_id
                            WHERE f.follower_id = :user AND $FOLLOWED_IN_GOOD_STANDING AND $TRACK_LISTED
                            UNION ALL
                            SELECT 'repost', r.user_id, r.track_id, r.created_at
                            FROM user_follows f
                            JOIN track_reposts r ON r.user_id = f.following_id
                            JOIN tracks t ON t.id = r.track_id
                            WHERE f.follower_id = :user AND $FOLLOWED_IN_GOOD_STANDING AND $LISTED
                        ) items
                        """.replace("$LISTED", PublicTracks.LISTED)
                                .replace("$TRACK_LISTED", PublicTracks.LISTED_IF_OWNER_IN_GOOD_STANDING)
                                .replace("$FOLLOWED_IN_GOOD_STANDING", PublicTracks.inGoodStanding("f.following_id"))
                        + before
                        + " ORDER BY at DESC, actor_id DESC, track_id DESC LIMIT :limit")
                .param("user", userId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("actor", after == null ? null : after.actorId())
                .param("track", after == null ? null : after.trackId())
                .param("limit", limit)
                .query((rs, row) -> new FeedItemRow(
                        rs.getString("kind"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getObject("track_id", UUID.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Everyone who follows {@code userId}, in batches, for invalidating their feeds. */
    List<UUID> followers(UUID userId, UUID after, int limit) {
        return jdbc.sql("""
                        SELECT follower_id FROM user_follows
                        WHERE following_id = :user AND (CAST(:after AS uuid) IS NULL OR follower_id > :after)
                        ORDER BY follower_id LIMIT :limit
                        """)
                .param("user", userId)
                .param("after", after, java.sql.Types.OTHER)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    record FeedItemRow(String kind, UUID actorId, UUID trackId, Instant at) {}
}
