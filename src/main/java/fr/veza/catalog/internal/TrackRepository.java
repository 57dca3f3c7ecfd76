package fr.veza.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.catalog.Loudness;
import fr.veza.catalog.PublicTracks;
import fr.veza.platform.web.Cursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code tracks}. Deleted tracks are never returned, but for their buyers' kept originals. */
@Repository
class TrackRepository {

    private static final String COLUMNS = """
            id, owner_id, title, description, genre, tags, visibility, status, status_message, file_path,
            original_format, original_size, cover_path, hls_prefix, thumbnail_prefix, duration_ms, bitrate, sample_rate, channels,
            codec, source_tags::text AS source_tags, media_version, play_count, created_at, updated_at, taken_down_at,
            loudness_lufs, loudness_range_lu, true_peak_dbtp, loudness_measured_at
            """;
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TrackRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(NewTrack track) {
        jdbc.sql("""
                        INSERT INTO tracks (id, owner_id, title, description, genre, tags, visibility, status,
                                            file_path, original_format, original_size)
                        VALUES (:id, :owner, :title, :description, :genre, :tags, :visibility, 'processing',
                                :filePath, :format, :size)
                        """)
                .param("id", track.id())
                .param("owner", track.ownerId())
                .param("title", track.title())
                .param("description", track.description())
                .param("genre", track.genre())
                .param("tags", track.tags().toArray(String[]::new))
                .param("visibility", track.visibility().value())
                .param("filePath", track.filePath())
                .param("format", track.format())
                .param("size", track.size())
                .update();
    }

    Optional<Track> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracks WHERE id = :id AND deleted_at IS NULL")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** A page of one creator's tracks, newest first; {@code everything} includes private and unfinished ones. */
    List<Track> byCreator(UUID ownerId, boolean everything, Cursor after, int limit) {
        String visible = everything ? "" : " AND " + PublicTracks.LISTED;
        return page("owner_id = :owner" + visible, after, limit)
                .param("owner", ownerId)
                .query(this::map)
                .list();
    }

    /** The newest public, ready tracks. */
    List<Track> latestPublic(Cursor after, int limit) {
        return page(PublicTracks.LISTED, after, limit).query(this::map).list();
    }

    private JdbcClient.StatementSpec page(String condition, Cursor after, int limit) {
        String keyset = after == null ? "" : " AND (created_at, id) < (:afterAt, :afterId)";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + COLUMNS + " FROM tracks t WHERE deleted_at IS NULL AND "
                        + condition + keyset + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("afterAt", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return spec;
    }

    void updateMetadata(UUID id, String title, String description, String genre, List<String> tags, Visibility v) {
        jdbc.sql("""
                        UPDATE tracks SET title = :title, description = :description, genre = :genre, tags = :tags,
                               visibility = CASE WHEN taken_down_at IS NULL AND hidden_at IS NULL THEN :visibility
                                                 ELSE visibility END,
                               visibility_before_takedown = CASE WHEN taken_down_at IS NULL AND hidden_at IS NULL
                                                                 THEN NULL
                                                                 ELSE :visibility END,
                               updated_at = now()
                        WHERE id = :id AND deleted_at IS NULL
                        """)
                .param("id", id)
                .param("title", title)
                .param("description", description)
                .param("genre", genre)
                .param("tags", tags.toArray(String[]::new))
                .param("visibility", v.value())
                .update();
    }

    void setCover(UUID id, String coverPath) {
        jdbc.sql("UPDATE tracks SET cover_path = :cover, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("cover", coverPath)
                .update();
    }

    /**
     * Points the track at a new cover and its thumbnails, under a row lock; answers what it pointed at before, for
     * the caller to delete once this committed, or nothing if the track is gone.
     */
    java.util.Optional<StoredCover> replaceCover(UUID id, String coverPath, String thumbnailPrefix) {
        return jdbc.sql("""
                        UPDATE tracks t SET cover_path = :cover, thumbnail_prefix = :thumbnails, updated_at = now()
                        FROM (SELECT id, cover_path, thumbnail_prefix FROM tracks
                              WHERE id = :id AND deleted_at IS NULL FOR UPDATE) old
                        WHERE t.id = old.id
                        RETURNING old.cover_path, old.thumbnail_prefix
                        """)
                .param("id", id)
                .param("cover", coverPath)
                .param("thumbnails", thumbnailPrefix)
                .query((rs, n) -> new StoredCover(rs.getString("cover_path"), rs.getString("thumbnail_prefix")))
                .optional();
    }

    record StoredCover(String coverPath, String thumbnailPrefix) {}

    boolean softDelete(UUID id, boolean originalRetained) {
        return jdbc.sql("""
                        UPDATE tracks SET deleted_at = now(), updated_at = now(), original_retained = :retained
                        WHERE id = :id AND deleted_at IS NULL
                        """).param("id", id).param("retained", originalRetained).update() == 1;
    }

    /** A deleted track whose original is kept for its buyers. */
    Optional<Track> findRetained(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracks WHERE id = :id AND deleted_at IS NOT NULL"
                        + " AND original_retained")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Deleted tracks whose original is still kept, with where it is, in id order after {@code after}. */
    List<RetainedOriginal> retainedOriginals(UUID after, int limit) {
        return jdbc.sql("""
                        SELECT id, file_path FROM tracks
                        WHERE original_retained AND (CAST(:after AS uuid) IS NULL OR id > :after)
                        ORDER BY id LIMIT :limit
                        """)
                .param("after", after, java.sql.Types.OTHER)
                .param("limit", limit)
                .query((rs, n) -> new RetainedOriginal(rs.getObject("id", UUID.class), rs.getString("file_path")))
                .list();
    }

    /** The original is gone from storage: the row stops saying it is kept. */
    boolean originalReleased(UUID id) {
        return jdbc.sql("UPDATE tracks SET original_retained = false WHERE id = :id AND original_retained")
                        .param("id", id)
                        .update()
                == 1;
    }

    record RetainedOriginal(UUID trackId, String blobKey) {}

    /**
     * Ready tracks never measured, oldest first, that have had fewer than {@code maxAttempts} tries; each returned
     * track's attempt is counted at once, so a measurement that kills the process is not retried for ever.
     */
    List<Track> claimUnmeasured(int limit, int maxAttempts) {
        return jdbc.sql("UPDATE tracks SET loudness_attempts = loudness_attempts + 1 WHERE id IN ("
                        + " SELECT id FROM tracks WHERE loudness_measured_at IS NULL AND status = 'ready'"
                        + " AND deleted_at IS NULL AND loudness_attempts < :max ORDER BY ready_at, id LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .param("max", maxAttempts)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Records a measurement of the media it was taken from; false when the track changed or went meanwhile. */
    boolean recordLoudness(UUID id, int mediaVersion, Loudness loudness) {
        return jdbc.sql("""
                        UPDATE tracks SET loudness_lufs = :lufs, loudness_range_lu = :range, true_peak_dbtp = :peak,
                               loudness_measured_at = now()
                        WHERE id = :id AND media_version = :version AND deleted_at IS NULL
                        """)
                        .param("id", id)
                        .param("version", mediaVersion)
                        .param("lufs", loudness.integratedLufs(), Types.DOUBLE)
                        .param("range", loudness.rangeLu(), Types.DOUBLE)
                        .param("peak", loudness.truePeakDbtp(), Types.DOUBLE)
                        .update()
                > 0;
    }

    /** Marks a processing track failed; a track in any other state is left alone. */
    boolean failProcessing(UUID id, String message) {
        return jdbc.sql("""
                        UPDATE tracks SET status = 'failed', status_message = :message, updated_at = now()
                        WHERE id = :id AND status = 'processing'
                        """).param("id", id).param("message", message).update() == 1;
    }

    Optional<String> waveform(UUID id) {
        return jdbc.sql("SELECT waveform::text FROM tracks WHERE id = :id AND deleted_at IS NULL")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Processing tracks created before {@code cutoff}, oldest first, after the given position. */
    List<Track> processingCreatedBefore(Instant cutoff, Cursor after, int limit) {
        String keyset = after == null ? "" : " AND (created_at, id) > (:afterAt, :afterId)";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + COLUMNS + " FROM tracks WHERE status = 'processing'"
                        + " AND created_at < :cutoff" + keyset + " ORDER BY created_at, id LIMIT :limit")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("afterAt", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return spec.query(this::map).list();
    }

    private Track map(ResultSet rs, int row) throws SQLException {
        return new Track(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("genre"),
                strings(rs.getArray("tags")),
                Visibility.of(rs.getString("visibility")),
                TrackStatus.of(rs.getString("status")),
                rs.getString("status_message"),
                rs.getString("file_path"),
                rs.getString("original_format"),
                rs.getLong("original_size"),
                rs.getString("cover_path"),
                rs.getString("hls_prefix"),
                rs.getString("thumbnail_prefix"),
                rs.getObject("duration_ms", Long.class),
                rs.getObject("bitrate", Integer.class),
                rs.getObject("sample_rate", Integer.class),
                rs.getObject("channels", Integer.class),
                rs.getString("codec"),
                tags(rs.getString("source_tags")),
                rs.getInt("media_version"),
                rs.getLong("play_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("taken_down_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null),
                loudness(rs));
    }

    /** The measured loudness of a row that selected it; null while it is not measured. */
    static Loudness loudness(ResultSet rs) throws SQLException {
        if (rs.getTimestamp("loudness_measured_at") == null) {
            return null;
        }
        return new Loudness(
                rs.getObject("loudness_lufs", Double.class),
                rs.getDouble("loudness_range_lu"),
                rs.getObject("true_peak_dbtp", Double.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private Map<String, String> tags(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tracks.source_tags is not a JSON object of strings", e);
        }
    }

    record NewTrack(
            UUID id,
            UUID ownerId,
            String title,
            String description,
            String genre,
            List<String> tags,
            Visibility visibility,
            String filePath,
            String format,
            long size) {}
}
