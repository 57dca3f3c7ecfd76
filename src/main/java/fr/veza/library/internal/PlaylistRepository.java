package fr.veza.library.internal;

import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code playlists} and {@code playlist_tracks}. Writes to entries happen under the playlist's row lock. */
@Repository
class PlaylistRepository {

    private static final String COLUMNS =
            "id, owner_id, title, description, visibility, track_count, created_at, updated_at";

    private final JdbcClient jdbc;

    PlaylistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID ownerId, String title, String description, PlaylistVisibility visibility, UUID from) {
        jdbc.sql("""
                        INSERT INTO playlists (id, owner_id, title, description, visibility, copied_from)
                        VALUES (:id, :owner, :title, :description, :visibility, :from)
                        """)
                .param("id", id)
                .param("owner", ownerId)
                .param("title", title)
                .param("description", description)
                .param("visibility", visibility.value())
                .param("from", from)
                .update();
    }

    Optional<Playlist> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM playlists WHERE id = :id")
                .param("id", id)
                .query(PlaylistRepository::map)
                .optional();
    }

    /** The playlist, locked until the transaction ends: entry changes on one playlist happen one at a time. */
    Optional<Playlist> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM playlists WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PlaylistRepository::map)
                .optional();
    }

    List<Playlist> byOwner(UUID ownerId, boolean includePrivate, Cursor after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM playlists WHERE owner_id = :owner"
                        + (includePrivate ? "" : " AND visibility = 'public'")
                        + (after == null ? "" : " AND (created_at, id) < (:at, :afterId)")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("owner", ownerId)
                .param("at", after == null ? null : java.sql.Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(PlaylistRepository::map)
                .list();
    }

    void update(UUID id, String title, String description, PlaylistVisibility visibility) {
        jdbc.sql("""
                        UPDATE playlists SET title = :title, description = :description,
                               visibility = CASE WHEN hidden_at IS NULL THEN :visibility ELSE 'private' END,
                               visibility_before_hiding = CASE WHEN hidden_at IS NULL THEN NULL ELSE :visibility END,
                               updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("title", title)
                .param("description", description)
                .param("visibility", visibility.value())
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM playlists WHERE id = :id").param("id", id).update();
    }

    List<Playlist.Entry> entries(UUID playlistId) {
        return jdbc.sql("""
                        SELECT track_id, position, added_at FROM playlist_tracks
                        WHERE playlist_id = :id ORDER BY position
                        """)
                .param("id", playlistId)
                .query((rs, row) -> new Playlist.Entry(
                        rs.getObject("track_id", UUID.class),
                        rs.getInt("position"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** The track ids of each of the playlists, for counting what a viewer may see of them. */
    Map<UUID, List<UUID>> trackIds(Collection<UUID> playlistIds) {
        Map<UUID, List<UUID>> tracks = new HashMap<>();
        jdbc.sql("SELECT playlist_id, track_id FROM playlist_tracks WHERE playlist_id = ANY(:ids)")
                .param("ids", playlistIds.toArray(UUID[]::new))
                .query(rs -> {
                    tracks.computeIfAbsent(rs.getObject("playlist_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getObject("track_id", UUID.class));
                });
        return tracks;
    }

    boolean contains(UUID playlistId, UUID trackId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM playlist_tracks WHERE playlist_id = :p AND track_id = :t)")
                .param("p", playlistId)
                .param("t", trackId)
                .query(Boolean.class)
                .single();
    }

    /** Inserts at {@code position}, moving the entries at and after it one place down. */
    void insertEntry(UUID playlistId, UUID trackId, int position) {
        jdbc.sql("UPDATE playlist_tracks SET position = position + 1 WHERE playlist_id = :p AND position >= :pos")
                .param("p", playlistId)
                .param("pos", position)
                .update();
        jdbc.sql("INSERT INTO playlist_tracks (playlist_id, track_id, position) VALUES (:p, :t, :pos)")
                .param("p", playlistId)
                .param("t", trackId)
                .param("pos", position)
                .update();
        touch(playlistId, 1);
    }

    /** Removes the entry and closes the gap it leaves. False when the track was not in the playlist. */
    boolean deleteEntry(UUID playlistId, UUID trackId) {
        Optional<Integer> position = jdbc.sql(
                        "DELETE FROM playlist_tracks WHERE playlist_id = :p AND track_id = :t RETURNING position")
                .param("p", playlistId)
                .param("t", trackId)
                .query(Integer.class)
                .optional();
        position.ifPresent(removed -> {
            jdbc.sql("UPDATE playlist_tracks SET position = position - 1 WHERE playlist_id = :p AND position > :pos")
                    .param("p", playlistId)
                    .param("pos", removed)
                    .update();
            touch(playlistId, -1);
        });
        return position.isPresent();
    }

    /** Gives each track its index in {@code order}, which holds exactly the playlist's tracks. */
    void reorder(UUID playlistId, List<UUID> order) {
        jdbc.sql("""
                        UPDATE playlist_tracks pt SET position = o.ordinality - 1
                        FROM unnest(:order::uuid[]) WITH ORDINALITY AS o(track_id, ordinality)
                        WHERE pt.playlist_id = :p AND pt.track_id = o.track_id
                        """)
                .param("p", playlistId)
                .param("order", order.toArray(UUID[]::new))
                .update();
        touch(playlistId, 0);
    }

    /** Appends the tracks, in order, to an empty playlist. */
    void copyEntries(UUID playlistId, List<UUID> trackIds) {
        jdbc.sql("""
                        INSERT INTO playlist_tracks (playlist_id, track_id, position)
                        SELECT :p, t.track_id, t.ordinality - 1
                        FROM unnest(:tracks::uuid[]) WITH ORDINALITY AS t(track_id, ordinality)
                        """)
                .param("p", playlistId)
                .param("tracks", trackIds.toArray(UUID[]::new))
                .update();
        touch(playlistId, trackIds.size());
    }

    private void touch(UUID playlistId, int delta) {
        jdbc.sql("UPDATE playlists SET track_count = track_count + :delta, updated_at = now() WHERE id = :p")
                .param("p", playlistId)
                .param("delta", delta)
                .update();
    }

    /** Joins the caller's transaction; false when it was hidden already. */
    boolean hide(UUID id) {
        return jdbc.sql("""
                        UPDATE playlists SET hidden_at = now(), visibility_before_hiding = visibility,
                               visibility = 'private', updated_at = now()
                        WHERE id = :id AND hidden_at IS NULL
                        """).param("id", id).update() > 0;
    }

    /** Gives back the visibility its owner chose, including one chosen while it was hidden. */
    boolean restore(UUID id) {
        return jdbc.sql("""
                        UPDATE playlists SET visibility = coalesce(visibility_before_hiding, visibility),
                               visibility_before_hiding = NULL, hidden_at = NULL, updated_at = now()
                        WHERE id = :id AND hidden_at IS NOT NULL
                        """).param("id", id).update() > 0;
    }

    boolean hidden(UUID id) {
        return jdbc.sql("SELECT hidden_at IS NOT NULL FROM playlists WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private static Playlist map(ResultSet rs, int row) throws SQLException {
        return new Playlist(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                PlaylistVisibility.of(rs.getString("visibility")),
                rs.getInt("track_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
