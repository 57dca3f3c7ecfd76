package fr.veza.catalog.internal;

import fr.veza.catalog.Loudness;
import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PublicTracks;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The player's view of the catalogue in SQL. Albums are grouped on the fly from the tracks' derived
 * {@code album_id} (an index reads one album's tracks); a list of albums groups only the tracks its filter keeps.
 */
@Component
class JdbcPlayerLibrary implements PlayerLibrary {

    /** The viewer's own tracks, whatever their visibility, unless taken down. */
    private static final String OWN = "t.owner_id = :viewer AND t.deleted_at IS NULL AND t.status = 'ready'"
            + " AND t.taken_down_at IS NULL AND t.hidden_at IS NULL";

    /** What lists and searches may hold for the viewer. */
    static final String FINDABLE = "((" + PublicTracks.LISTED + ") OR (" + OWN + "))";

    /** What the viewer may open by id. */
    private static final String REACHABLE = "((" + PublicTracks.REACHABLE + ") OR (" + OWN + "))";

    private static final String SONG_COLUMNS = """
            t.id, t.title, t.album_id, coalesce(t.album_title, t.title) AS album, t.owner_id, u.username,
            u.display_name, substring(t.source_tags ->> 'track' from '^\\d+')::int AS track_number,
            substring(t.source_tags ->> 'date' from '^\\d{4}')::int AS year, t.genre, t.duration_ms, t.bitrate,
            t.original_size, t.original_format, t.thumbnail_prefix IS NOT NULL AS has_cover, t.play_count,
            coalesce(t.ready_at, t.created_at) AS created, t.loudness_lufs, t.loudness_range_lu, t.true_peak_dbtp,
            t.loudness_measured_at""";

    /**
     * An album's loudness over its measured tracks played in a row: BS.1770's energy mean weighted by duration (a
     * silent track, which its gate would leave out, is left out), and the highest true peak. The album as its artist made it, so every ready track counts.
     */
    private static final String ALBUM_LOUDNESS = """
            SELECT album_id,
                   CASE WHEN sum(weight) FILTER (WHERE loudness_lufs IS NOT NULL) > 0
                        THEN 10 * log(sum(weight * power(10, loudness_lufs / 10)) FILTER (WHERE loudness_lufs IS NOT NULL)
                                      / sum(weight) FILTER (WHERE loudness_lufs IS NOT NULL)) END AS loudness_lufs,
                   max(loudness_range_lu) AS loudness_range_lu, max(true_peak_dbtp) AS true_peak_dbtp,
                   now() AS loudness_measured_at
            FROM (SELECT album_id, loudness_lufs, loudness_range_lu, true_peak_dbtp,
                         greatest(coalesce(duration_ms, 0), 1)::double precision AS weight
                  FROM tracks WHERE album_id = ANY(:albums) AND deleted_at IS NULL AND status = 'ready'
                    AND loudness_measured_at IS NOT NULL) measured
            GROUP BY album_id""";

    private static final String SONGS = "SELECT " + SONG_COLUMNS + " FROM tracks t JOIN users u ON u.id = t.owner_id";

    private static final String ALBUMS = """
            WITH kept AS (
                SELECT t.album_id, t.owner_id, coalesce(t.album_title, t.title) AS name, t.duration_ms, t.play_count,
                       coalesce(t.ready_at, t.created_at) AS created, t.genre, t.id, t.thumbnail_prefix,
                       substring(t.source_tags ->> 'date' from '^\\d{4}')::int AS year,
                       substring(t.source_tags ->> 'track' from '^\\d+')::int AS track_number
                FROM tracks t WHERE $FINDABLE AND $FILTER),
            albums AS (
                SELECT album_id, owner_id, min(name) AS name, count(*)::int AS song_count,
                       coalesce(sum(duration_ms), 0) AS duration_ms, sum(play_count) AS play_count,
                       min(created) AS created, max(year) AS year, mode() WITHIN GROUP (ORDER BY genre) AS genre,
                       (array_agg(id ORDER BY track_number NULLS LAST, created, id)
                            FILTER (WHERE thumbnail_prefix IS NOT NULL))[1] AS cover_track
                FROM kept GROUP BY album_id, owner_id)
            SELECT a.*, u.username, u.display_name FROM albums a JOIN users u ON u.id = a.owner_id""";

    private final JdbcClient jdbc;

    JdbcPlayerLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Song> song(UUID trackId, CurrentUser viewer) {
        return Optional.ofNullable(songs(List.of(trackId), viewer).get(trackId));
    }

    @Override
    public Map<UUID, Song> songs(Collection<UUID> trackIds, CurrentUser viewer) {
        if (trackIds.isEmpty()) {
            return Map.of();
        }
        return songs(SONGS + " WHERE t.id = ANY(:ids) AND " + REACHABLE, viewer, Map.of("ids", ids(trackIds))).stream()
                .collect(Collectors.toMap(Song::id, Function.identity()));
    }

    @Override
    public List<Song> allSongs(int size, int offset, CurrentUser viewer) {
        return songs(
                SONGS + " WHERE " + FINDABLE + " ORDER BY lower(t.title), t.id LIMIT :size OFFSET :offset",
                viewer,
                Map.of("size", size, "offset", offset));
    }

    @Override
    public Optional<Album> album(UUID albumId, CurrentUser viewer) {
        return Optional.ofNullable(albums(List.of(albumId), viewer).get(albumId));
    }

    @Override
    public Map<UUID, Album> albums(Collection<UUID> albumIds, CurrentUser viewer) {
        if (albumIds.isEmpty()) {
            return Map.of();
        }
        return albums("t.album_id = ANY(:ids)", "", viewer, Map.of("ids", ids(albumIds))).stream()
                .collect(Collectors.toMap(Album::id, Function.identity()));
    }

    @Override
    public List<Song> albumSongs(UUID albumId, CurrentUser viewer) {
        return songs(
                SONGS + " WHERE t.album_id = :album AND " + FINDABLE
                        + " ORDER BY track_number NULLS LAST, created, t.id",
                viewer,
                Map.of("album", albumId));
    }

    @Override
    public List<Album> albums(AlbumQuery query, CurrentUser viewer) {
        String filter = "TRUE";
        String order;
        Map<String, Object> params = new java.util.HashMap<>(Map.of("size", query.size(), "offset", query.offset()));
        switch (query.order()) {
            case RANDOM -> order = "random()";
            case NEWEST -> order = "a.created DESC, a.album_id";
            case FREQUENT -> order = "a.play_count DESC, a.album_id";
            case RECENT -> {
                filter = "t.id IN (SELECT h.track_id FROM playback_history h WHERE h.user_id = :viewer)";
                order = "(SELECT max(h.played_at) FROM playback_history h JOIN tracks p ON p.id = h.track_id"
                        + " WHERE h.user_id = :viewer AND p.album_id = a.album_id) DESC, a.album_id";
            }
            case ALPHABETICAL_BY_NAME -> order = "lower(a.name), a.album_id";
            case ALPHABETICAL_BY_ARTIST ->
                order = "lower(coalesce(u.display_name, u.username::text)), lower(a.name), a.album_id";
            case BY_GENRE -> {
                filter = "lower(t.genre) = lower(:genre)";
                params.put("genre", query.genre() == null ? "" : query.genre());
                order = "lower(a.name), a.album_id";
            }
            case BY_YEAR -> {
                int from = query.fromYear() == null ? 0 : query.fromYear();
                int to = query.toYear() == null ? 9999 : query.toYear();
                filter = "substring(t.source_tags ->> 'date' from '^\\d{4}')::int BETWEEN :low AND :high";
                params.put("low", Math.min(from, to));
                params.put("high", Math.max(from, to));
                // a range given backwards (2000 to 1990) lists newest first, as the protocol says
                order = (from > to ? "a.year DESC" : "a.year") + ", lower(a.name), a.album_id";
            }
            default -> throw new IllegalArgumentException("order " + query.order());
        }
        return albums(filter, " ORDER BY " + order + " LIMIT :size OFFSET :offset", viewer, params);
    }

    @Override
    public List<Album> albumsBy(UUID artistId, CurrentUser viewer) {
        return albums(
                "t.owner_id = :artist", " ORDER BY a.year NULLS LAST, a.created", viewer, Map.of("artist", artistId));
    }

    @Override
    public List<Album> searchAlbums(String text, int size, int offset, CurrentUser viewer) {
        List<String> words = words(text);
        StringBuilder filter = new StringBuilder("TRUE");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("size", size, "offset", offset));
        for (int i = 0; i < words.size(); i++) {
            filter.append(" AND lower(coalesce(t.album_title, t.title)) LIKE :w")
                    .append(i);
            params.put("w" + i, "%" + words.get(i) + "%");
        }
        return albums(
                filter.toString(), " ORDER BY lower(a.name), a.album_id LIMIT :size OFFSET :offset", viewer, params);
    }

    @Override
    public List<Artist> artists(CurrentUser viewer) {
        return artists("TRUE", viewer, Map.of());
    }

    @Override
    public Optional<Artist> artist(UUID artistId, CurrentUser viewer) {
        return Optional.ofNullable(artists(List.of(artistId), viewer).get(artistId));
    }

    @Override
    public Map<UUID, Artist> artists(Collection<UUID> artistIds, CurrentUser viewer) {
        if (artistIds.isEmpty()) {
            return Map.of();
        }
        return artists("t.owner_id = ANY(:ids)", viewer, Map.of("ids", ids(artistIds))).stream()
                .collect(Collectors.toMap(a -> a.who().id(), Function.identity()));
    }

    private List<Artist> artists(String filter, CurrentUser viewer, Map<String, Object> params) {
        return bind(
                        jdbc.sql("SELECT a.owner_id, a.albums, u.username, u.display_name FROM ("
                                + " SELECT t.owner_id, count(DISTINCT t.album_id)::int AS albums FROM tracks t"
                                + " WHERE " + FINDABLE + " AND " + filter + " GROUP BY t.owner_id) a"
                                + " JOIN users u ON u.id = a.owner_id"
                                + " ORDER BY lower(coalesce(u.display_name, u.username::text)), a.owner_id"),
                        viewer,
                        params)
                .query((rs, row) -> new Artist(artist(rs), rs.getInt("albums")))
                .list();
    }

    @Override
    public List<Genre> genres(CurrentUser viewer) {
        return bind(
                        jdbc.sql("SELECT min(t.genre) AS name, count(*)::int AS songs,"
                                + " count(DISTINCT t.album_id)::int AS albums FROM tracks t"
                                + " WHERE " + FINDABLE + " AND t.genre IS NOT NULL AND btrim(t.genre) <> ''"
                                + " GROUP BY lower(t.genre) ORDER BY lower(t.genre)"),
                        viewer,
                        Map.of())
                .query((rs, row) -> new Genre(rs.getString("name"), rs.getInt("songs"), rs.getInt("albums")))
                .list();
    }

    @Override
    public List<Song> randomSongs(int size, String genre, Integer fromYear, Integer toYear, CurrentUser viewer) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("size", size));
        StringBuilder filter = new StringBuilder();
        if (genre != null) {
            filter.append(" AND lower(t.genre) = lower(:genre)");
            params.put("genre", genre);
        }
        if (fromYear != null) {
            filter.append(" AND substring(t.source_tags ->> 'date' from '^\\d{4}')::int >= :fromYear");
            params.put("fromYear", fromYear);
        }
        if (toYear != null) {
            filter.append(" AND substring(t.source_tags ->> 'date' from '^\\d{4}')::int <= :toYear");
            params.put("toYear", toYear);
        }
        return songs(SONGS + " WHERE " + FINDABLE + filter + " ORDER BY random() LIMIT :size", viewer, params);
    }

    @Override
    public List<Song> songsByGenre(String genre, int size, int offset, CurrentUser viewer) {
        return songs(
                SONGS + " WHERE " + FINDABLE + " AND lower(t.genre) = lower(:genre)"
                        + " ORDER BY lower(t.title), t.id LIMIT :size OFFSET :offset",
                viewer,
                Map.of("genre", genre, "size", size, "offset", offset));
    }

    @Override
    public List<Song> topSongs(UUID artistId, int size, CurrentUser viewer) {
        return songs(
                SONGS + " WHERE " + FINDABLE + " AND t.owner_id = :artist"
                        + " ORDER BY t.play_count DESC, created DESC LIMIT :size",
                viewer,
                Map.of("artist", artistId, "size", size));
    }

    @Override
    public List<Song> similarSongs(UUID trackId, int size, CurrentUser viewer) {
        return songs(
                SONGS + " JOIN tracks s ON s.id = :track WHERE " + FINDABLE + " AND t.id <> s.id"
                        + " AND (t.owner_id = s.owner_id OR lower(t.genre) = lower(s.genre))"
                        + " ORDER BY t.play_count DESC, t.id LIMIT :size",
                viewer,
                Map.of("track", trackId, "size", size));
    }

    private List<Album> albums(String filter, String tail, CurrentUser viewer, Map<String, Object> params) {
        String sql = ALBUMS.replace("$FINDABLE", FINDABLE).replace("$FILTER", filter) + tail;
        return bind(jdbc.sql(sql), viewer, params)
                .query(JdbcPlayerLibrary::album)
                .list();
    }

    private List<Song> songs(String sql, CurrentUser viewer, Map<String, Object> params) {
        List<Song> songs = bind(jdbc.sql(sql), viewer, params)
                .query(JdbcPlayerLibrary::song)
                .list();
        if (songs.isEmpty()) {
            return songs;
        }
        Map<UUID, Loudness> albums = new HashMap<>();
        jdbc.sql(ALBUM_LOUDNESS)
                .param("albums", songs.stream().map(Song::albumId).distinct().toArray(UUID[]::new))
                .query((rs, row) -> albums.put(rs.getObject("album_id", UUID.class), TrackRepository.loudness(rs)))
                .list();
        return songs.stream()
                .map(song -> song.withAlbumLoudness(albums.get(song.albumId())))
                .toList();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, CurrentUser viewer, Map<String, Object> params) {
        statement = statement.param("viewer", viewer == null ? null : viewer.id(), Types.OTHER);
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement;
    }

    private static UUID[] ids(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    /** Letters and digits only, lower case: the words of a search, safe inside a LIKE pattern. */
    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(8)
                .toList();
    }

    private static TrackSummary.Artist artist(ResultSet rs) throws SQLException {
        return new TrackSummary.Artist(
                rs.getObject("owner_id", UUID.class), rs.getString("username"), rs.getString("display_name"));
    }

    private static Song song(ResultSet rs, int row) throws SQLException {
        String format = rs.getString("original_format");
        return new Song(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getObject("album_id", UUID.class),
                rs.getString("album"),
                artist(rs),
                rs.getObject("track_number", Integer.class),
                rs.getObject("year", Integer.class),
                rs.getString("genre"),
                rs.getObject("duration_ms", Long.class),
                rs.getObject("bitrate", Integer.class),
                rs.getLong("original_size"),
                format,
                MediaFormats.contentType(format),
                rs.getBoolean("has_cover"),
                rs.getLong("play_count"),
                rs.getTimestamp("created").toInstant(),
                TrackRepository.loudness(rs),
                null);
    }

    private static Album album(ResultSet rs, int row) throws SQLException {
        return new Album(
                rs.getObject("album_id", UUID.class),
                rs.getString("name"),
                artist(rs),
                rs.getInt("song_count"),
                rs.getLong("duration_ms"),
                rs.getLong("play_count"),
                rs.getTimestamp("created").toInstant(),
                rs.getObject("year", Integer.class),
                rs.getString("genre"),
                rs.getObject("cover_track", UUID.class));
    }
}
