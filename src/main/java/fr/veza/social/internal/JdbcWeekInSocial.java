package fr.veza.social.internal;

import fr.veza.catalog.PublicTracks;
import fr.veza.social.WeekInSocial;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A track is new from when it became ready (published), and only listed tracks count, as in feeds. */
@Component
class JdbcWeekInSocial implements WeekInSocial {

    private final JdbcClient jdbc;

    JdbcWeekInSocial(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> followersOfNewTracks(Instant since, int limit) {
        return jdbc.sql("SELECT DISTINCT f.follower_id FROM user_follows f"
                        + " WHERE f.following_id IN (SELECT t.owner_id FROM tracks t WHERE t.ready_at > :since AND "
                        + PublicTracks.LISTED + ") LIMIT :limit")
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public List<NewTrack> newTracksFollowedBy(UUID person, Instant since, int limit) {
        return jdbc.sql("SELECT t.id, t.title, coalesce(u.display_name, u.username::text) AS artist"
                        + " FROM user_follows f JOIN tracks t ON t.owner_id = f.following_id"
                        + " JOIN users u ON u.id = t.owner_id"
                        + " WHERE f.follower_id = :person AND t.ready_at > :since AND " + PublicTracks.LISTED
                        + " ORDER BY t.ready_at DESC, t.id LIMIT :limit")
                .param("person", person)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, row) ->
                        new NewTrack(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("artist")))
                .list();
    }

    @Override
    public List<UUID> artistsLikedSince(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT t.owner_id FROM track_likes l JOIN tracks t ON t.id = l.track_id
                        WHERE l.created_at > :since AND t.deleted_at IS NULL LIMIT :limit
                        """)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public long likesOfArtistSince(UUID artist, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM track_likes l JOIN tracks t ON t.id = l.track_id
                        WHERE t.owner_id = :artist AND l.created_at > :since AND l.user_id <> :artist
                          AND t.deleted_at IS NULL
                        """)
                .param("artist", artist)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }
}
