package fr.veza.social.internal;

import fr.veza.platform.web.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Likes, follows and reposts, each toggled by one statement that changes the fact row and its counters together:
 * the counter moves only when the row was really inserted or deleted, so repeated or concurrent toggles never make
 * it drift. Each method says whether anything changed.
 */
@Repository
class ToggleRepository {

    private final JdbcClient jdbc;

    ToggleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean like(UUID userId, UUID trackId) {
        return jdbc.sql("""
                        WITH added AS (
                            INSERT INTO track_likes (user_id, track_id) VALUES (:user, :track)
                            ON CONFLICT DO NOTHING RETURNING track_id)
                        INSERT INTO track_like_counts (track_id, likes) SELECT track_id, 1 FROM added
                        ON CONFLICT (track_id) DO UPDATE SET likes = track_like_counts.likes + 1
                        """).param("user", userId).param("track", trackId).update() > 0;
    }

    boolean unlike(UUID userId, UUID trackId) {
        return jdbc.sql("""
                        WITH removed AS (
                            DELETE FROM track_likes WHERE user_id = :user AND track_id = :track RETURNING track_id)
                        UPDATE track_like_counts c SET likes = c.likes - 1
                        FROM removed WHERE c.track_id = removed.track_id
                        """).param("user", userId).param("track", trackId).update() > 0;
    }

    long likes(UUID trackId) {
        return jdbc.sql("SELECT coalesce((SELECT likes FROM track_like_counts WHERE track_id = :track), 0)")
                .param("track", trackId)
                .query(Long.class)
                .single();
    }

    boolean likes(UUID userId, UUID trackId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM track_likes WHERE user_id = :user AND track_id = :track)")
                .param("user", userId)
                .param("track", trackId)
                .query(Boolean.class)
                .single();
    }

    /** Counter rows are touched in id order, so two people following each other at once cannot deadlock. */
    boolean follow(UUID followerId, UUID followingId) {
        return jdbc.sql("""
                        WITH added AS (
                            INSERT INTO user_follows (follower_id, following_id) VALUES (:follower, :following)
                            ON CONFLICT DO NOTHING RETURNING follower_id, following_id)
                        INSERT INTO user_follow_counts (user_id, followers, following)
                        SELECT user_id, sum(followers), sum(following) FROM (
                            SELECT following_id AS user_id, 1 AS followers, 0 AS following FROM added
                            UNION ALL
                            SELECT follower_id, 0, 1 FROM added) delta
                        GROUP BY user_id ORDER BY user_id
                        ON CONFLICT (user_id) DO UPDATE
                            SET followers = user_follow_counts.followers + EXCLUDED.followers,
                                following = user_follow_counts.following + EXCLUDED.following
                        """)
                        .param("follower", followerId)
                        .param("following", followingId)
                        .update()
                > 0;
    }

    boolean unfollow(UUID followerId, UUID followingId) {
        return jdbc.sql("""
                        WITH removed AS (
                            DELETE FROM user_follows WHERE follower_id = :follower AND following_id = :following
                            RETURNING follower_id, following_id),
                        locked AS (
                            SELECT c.user_id FROM user_follow_counts c, removed
                            WHERE c.user_id IN (removed.follower_id, removed.following_id)
                            ORDER BY c.user_id FOR UPDATE OF c)
                        UPDATE user_follow_counts c
                        SET followers = c.followers - CASE WHEN c.user_id = r.following_id THEN 1 ELSE 0 END,
                            following = c.following - CASE WHEN c.user_id = r.follower_id THEN 1 ELSE 0 END
                        FROM removed r, locked l WHERE c.user_id = l.user_id
                        """)
                        .param("follower", followerId)
                        .param("following", followingId)
                        .update()
                > 0;
    }

    FollowCounts followCounts(UUID userId) {
        return jdbc.sql("""
                        SELECT coalesce(max(followers), 0) AS followers, coalesce(max(following), 0) AS following
                        FROM user_follow_counts WHERE user_id = :user
                        """)
                .param("user", userId)
                .query((rs, row) -> new FollowCounts(rs.getLong("followers"), rs.getLong("following")))
                .single();
    }

    /** Followers who started following {@code userId} since {@code since} and still do. */
    long followersSince(UUID userId, java.time.Instant since) {
        return jdbc.sql("SELECT count(*) FROM user_follows WHERE following_id = :user AND created_at >= :since")
                .param("user", userId)
                .param("since", java.sql.Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    boolean follows(UUID followerId, UUID followingId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_follows
                                       WHERE follower_id = :follower AND following_id = :following)
                        """)
                .param("follower", followerId)
                .param("following", followingId)
                .query(Boolean.class)
                .single();
    }

    boolean repost(UUID userId, UUID trackId) {
        return jdbc.sql("INSERT INTO track_reposts (user_id, track_id) VALUES (:user, :track) ON CONFLICT DO NOTHING")
                        .param("user", userId)
                        .param("track", trackId)
                        .update()
                > 0;
    }

    boolean unrepost(UUID userId, UUID trackId) {
        return jdbc.sql("DELETE FROM track_reposts WHERE user_id = :user AND track_id = :track")
                        .param("user", userId)
                        .param("track", trackId)
                        .update()
                > 0;
    }

    /** Who follows {@code userId} ({@code followers}) or whom it follows, newest first. */
    List<Follow> follows(UUID userId, boolean followers, Cursor after, int limit) {
        String self = followers ? "following_id" : "follower_id";
        String other = followers ? "follower_id" : "following_id";
        return jdbc.sql("SELECT " + other + " AS user_id, created_at FROM user_follows WHERE " + self + " = :user"
                        + (after == null ? "" : " AND (created_at, " + other + ") < (:at, :afterId)")
                        + " ORDER BY created_at DESC, " + other + " DESC LIMIT :limit")
                .param("user", userId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, row) -> new Follow(
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The tracks {@code userId} liked, most recent like first. */
    List<Like> likedBy(UUID userId, Cursor after, int limit) {
        return jdbc.sql("SELECT track_id, created_at FROM track_likes WHERE user_id = :user"
                        + (after == null ? "" : " AND (created_at, track_id) < (:at, :afterId)")
                        + " ORDER BY created_at DESC, track_id DESC LIMIT :limit")
                .param("user", userId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, row) -> new Like(
                        rs.getObject("track_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    record FollowCounts(long followers, long following) {}

    record Like(UUID trackId, Instant at) {}

    record Follow(UUID userId, Instant since) {}
}
