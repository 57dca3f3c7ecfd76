package fr.veza.catalog.internal;

import fr.veza.catalog.PublicTracks;
import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcTrackCatalog implements TrackCatalog {

    private final JdbcClient jdbc;

    JdbcTrackCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TrackSummary> findVisible(UUID trackId, CurrentUser viewer) {
        return Optional.ofNullable(findVisible(List.of(trackId), viewer).get(trackId));
    }

    @Override
    public Map<UUID, TrackSummary> findVisible(Collection<UUID> trackIds, CurrentUser viewer) {
        if (trackIds.isEmpty()) {
            return Map.of();
        }
        // the same rule as TrackAccess.canSee, in SQL so a whole list is decided in one query
        return jdbc
                .sql("""
                        SELECT t.id, t.owner_id, t.title, t.genre, t.tags, t.visibility, t.status, t.duration_ms,
                               t.play_count, t.created_at, t.ready_at, u.username, u.display_name
                        FROM tracks t JOIN users u ON u.id = t.owner_id
                        WHERE t.id = ANY(:ids) AND t.deleted_at IS NULL
                          AND (t.owner_id = :viewer OR :admin OR (""" + PublicTracks.REACHABLE + "))")
                .param("ids", trackIds.toArray(UUID[]::new))
                .param("viewer", viewer == null ? null : viewer.id(), Types.OTHER)
                .param("admin", viewer != null && viewer.isAdmin())
                .query(JdbcTrackCatalog::summary)
                .list()
                .stream()
                .collect(Collectors.toMap(TrackSummary::id, Function.identity()));
    }

    @Override
    public Map<UUID, String> coverUrls(Collection<UUID> trackIds) {
        if (trackIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT id FROM tracks WHERE id = ANY(:ids) AND thumbnail_prefix IS NOT NULL")
                .param("ids", trackIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list()
                .stream()
                .collect(Collectors.toMap(Function.identity(), id -> "/api/v1/tracks/" + id + "/cover/256"));
    }

    @Override
    public List<TrackSummary> newest(int limit) {
        return listed("t.ready_at DESC, t.id DESC", limit);
    }

    @Override
    public List<TrackSummary> mostPlayed(int limit) {
        return listed("t.play_count DESC, t.ready_at DESC", limit);
    }

    @Override
    public List<TrackSummary> listedBy(UUID ownerId, int limit) {
        return listed("t.owner_id = :owner", "t.ready_at DESC, t.id DESC", limit, ownerId);
    }

    private List<TrackSummary> listed(String order, int limit) {
        return listed("TRUE", order, limit, null);
    }

    private List<TrackSummary> listed(String condition, String order, int limit, UUID owner) {
        return jdbc.sql("""
                        SELECT t.id, t.owner_id, t.title, t.genre, t.tags, t.visibility, t.status, t.duration_ms,
                               t.play_count, t.created_at, t.ready_at, u.username, u.display_name
                        FROM tracks t JOIN users u ON u.id = t.owner_id
                        WHERE\s""" + PublicTracks.LISTED + " AND " + condition + " ORDER BY " + order + " LIMIT :limit")
                .param("limit", limit)
                .param("owner", owner, java.sql.Types.OTHER)
                .query(JdbcTrackCatalog::summary)
                .list();
    }

    static TrackSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp ready = rs.getTimestamp("ready_at");
        return new TrackSummary(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("genre"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()),
                rs.getString("visibility"),
                rs.getString("status"),
                rs.getObject("duration_ms", Long.class),
                rs.getLong("play_count"),
                new TrackSummary.Artist(
                        rs.getObject("owner_id", UUID.class), rs.getString("username"), rs.getString("display_name")),
                rs.getTimestamp("created_at").toInstant(),
                ready == null ? null : ready.toInstant());
    }
}
