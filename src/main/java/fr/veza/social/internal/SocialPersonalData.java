package fr.veza.social.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows, likes, reposts and comments. Erasure deletes each row together with the counter beside it, in the same
 * statement, as every toggle does, so counts never drift.
 */
@Component
class SocialPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    SocialPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Their comments are hidden with their name; the erasure deletes them, a recovery shows them again. */
    @Override
    public void accountClosed(UUID userId, boolean keepPublicTracks) {
        update("UPDATE track_comments SET withheld_by_closure = true WHERE author_id = :user", userId);
    }

    @Override
    public void accountRecovered(UUID userId) {
        update("UPDATE track_comments SET withheld_by_closure = false WHERE author_id = :user", userId);
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        Map<String, UUID> user = Map.of("user", userId);
        files.rows(
                "follows.json",
                "Accounts you follow (following_id) and accounts that follow you (follower_id), with dates; by id only.",
                """
                SELECT 'following' AS direction, following_id AS account_id, created_at FROM user_follows
                WHERE follower_id = :user
                UNION ALL
                SELECT 'follower', follower_id, created_at FROM user_follows WHERE following_id = :user
                ORDER BY created_at
                """,
                user);
        files.rows(
                "likes.json",
                "Tracks you liked, and when.",
                "SELECT track_id, created_at FROM track_likes WHERE user_id = :user ORDER BY created_at",
                user);
        files.rows(
                "reposts.json",
                "Tracks you reposted to your followers, and when.",
                "SELECT track_id, created_at FROM track_reposts WHERE user_id = :user ORDER BY created_at",
                user);
        files.rows(
                "comments.json",
                "Comments you wrote, on which track, and when.",
                "SELECT id, track_id, body, created_at FROM track_comments WHERE author_id = :user ORDER BY created_at",
                user);
        // who blocked the person is theirs to know, not this person's
        files.rows(
                "blocks.json",
                "The people you blocked (account ids), and when.",
                "SELECT blocked_id, created_at FROM user_blocks WHERE blocker_id = :user ORDER BY created_at",
                user);
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("likes", update("""
                WITH gone AS (DELETE FROM track_likes WHERE user_id = :user RETURNING track_id)
                UPDATE track_like_counts c SET likes = c.likes - 1 FROM gone WHERE c.track_id = gone.track_id
                """, userId));
        erased.put("following", update("""
                WITH gone AS (DELETE FROM user_follows WHERE follower_id = :user RETURNING following_id)
                UPDATE user_follow_counts c SET followers = c.followers - 1 FROM gone WHERE c.user_id = gone.following_id
                """, userId));
        erased.put("followers", update("""
                WITH gone AS (DELETE FROM user_follows WHERE following_id = :user RETURNING follower_id)
                UPDATE user_follow_counts c SET following = c.following - 1 FROM gone WHERE c.user_id = gone.follower_id
                """, userId));
        update("DELETE FROM user_follow_counts WHERE user_id = :user", userId);
        erased.put("reposts", update("DELETE FROM track_reposts WHERE user_id = :user", userId));
        erased.put("comments", update("DELETE FROM track_comments WHERE author_id = :user", userId));
        erased.put("blocks", update("DELETE FROM user_blocks WHERE blocker_id = :user OR blocked_id = :user", userId));
        return erased;
    }

    private int update(String sql, UUID userId) {
        return jdbc.sql(sql).param("user", userId).update();
    }
}
