package fr.veza.social.internal;

import fr.veza.catalog.TrackEngagement;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A track's likes, reposts and visible comments, and the viewer's own like and repost, in one statement. */
@Repository
class TrackEngagementRepository implements TrackEngagement {

    private final JdbcClient jdbc;

    TrackEngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Counts of(UUID trackId, UUID viewerId) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT likes FROM track_like_counts WHERE track_id = :track), 0) AS likes,
                               (SELECT count(*) FROM track_reposts WHERE track_id = :track) AS reposts,
                               (SELECT count(*) FROM track_comments
                                 WHERE track_id = :track AND NOT withheld_by_closure AND hidden_at IS NULL) AS comments,
                               EXISTS (SELECT 1 FROM track_likes WHERE track_id = :track AND user_id = :viewer) AS liked,
                               EXISTS (SELECT 1 FROM track_reposts WHERE track_id = :track AND user_id = :viewer)
                                   AS reposted
                        """)
                .param("track", trackId)
                .param("viewer", viewerId)
                .query((rs, row) -> new Counts(
                        rs.getLong("likes"),
                        rs.getLong("reposts"),
                        rs.getLong("comments"),
                        rs.getBoolean("liked"),
                        rs.getBoolean("reposted")))
                .single();
    }
}
