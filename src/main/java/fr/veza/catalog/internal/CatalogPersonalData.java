package fr.veza.catalog.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.platform.db.AfterCommit;
import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's tracks and listening. Closing an account unpublishes its tracks (all of them, or all but the public
 * ones when the person keeps them), remembering each one's visibility for a recovery; erasure deletes every track
 * not kept, with its files, and keeps plays only as anonymous counts.
 */
@Component
class CatalogPersonalData implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(CatalogPersonalData.class);

    private final JdbcClient jdbc;
    private final TrackFiles trackFiles;
    private final ApplicationEventPublisher events;

    CatalogPersonalData(JdbcClient jdbc, TrackFiles trackFiles, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.trackFiles = trackFiles;
        this.events = events;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        Map<String, UUID> user = Map.of("user", userId);
        files.rows(
                "tracks.json",
                "Your tracks' details: title, description, genre, tags, visibility, technical data, plays, dates.",
                """
                SELECT id, title, description, genre, tags, visibility, status, original_format, original_size,
                       duration_ms, bitrate, sample_rate, channels, codec, source_tags, play_count, created_at,
                       ready_at, updated_at, taken_down_at
                FROM tracks WHERE owner_id = :user AND deleted_at IS NULL ORDER BY created_at
                """,
                user);
        files.rows(
                "playback_history.json",
                "Every listen you reported: which track, how many seconds, whether it counted as a play, when.",
                "SELECT track_id, seconds_played, counted, played_at FROM playback_history WHERE user_id = :user"
                        + " ORDER BY played_at, id",
                user);
        files.describe("audio/", "The original audio files you uploaded, named by track id.");
        List<Original> originals = jdbc.sql("""
                        SELECT id, file_path, original_format FROM tracks
                        WHERE owner_id = :user AND deleted_at IS NULL ORDER BY created_at
                        """)
                .param("user", userId)
                .query((rs, n) -> new Original(
                        rs.getObject("id", UUID.class), rs.getString("file_path"), rs.getString("original_format")))
                .list();
        for (Original original : originals) {
            files.blob("audio/" + original.id() + "." + original.format(), original.blobKey());
        }
    }

    @Override
    public void accountClosed(UUID userId, boolean keepPublicTracks) {
        String kept = keepPublicTracks ? " AND visibility <> 'public'" : "";
        List<UUID> hidden = jdbc.sql("""
                        UPDATE tracks SET visibility_before_closure = visibility, visibility = 'private', updated_at = now()
                        WHERE owner_id = :user AND deleted_at IS NULL AND visibility <> 'private'
                        """ + kept + " RETURNING id")
                .param("user", userId)
                .query(UUID.class)
                .list();
        hidden.forEach(id -> events.publishEvent(new TrackChanged(id, userId)));
    }

    /** A track taken down meanwhile stays down; the visibility given back becomes the one it returns to. */
    @Override
    public void accountRecovered(UUID userId) {
        List<UUID> shown = jdbc.sql("""
                        UPDATE tracks SET
                            visibility = CASE WHEN taken_down_at IS NULL AND hidden_at IS NULL THEN visibility_before_closure
                                              ELSE visibility END,
                            visibility_before_takedown = CASE WHEN taken_down_at IS NULL AND hidden_at IS NULL
                                                              THEN visibility_before_takedown
                                                              ELSE visibility_before_closure END,
                            visibility_before_closure = NULL, updated_at = now()
                        WHERE owner_id = :user AND visibility_before_closure IS NOT NULL
                        RETURNING id
                        """).param("user", userId).query(UUID.class).list();
        shown.forEach(id -> events.publishEvent(new TrackChanged(id, userId)));
    }

    /** The tracks this erasure deletes: every track but the public ones the person chose to keep. */
    @Override
    public Map<String, List<UUID>> indexedDocuments(UUID userId) {
        return Map.of(
                "tracks",
                jdbc.sql(
                                "SELECT id FROM tracks WHERE owner_id = :user AND NOT (deleted_at IS NULL AND visibility = 'public')")
                        .param("user", userId)
                        .query(UUID.class)
                        .list());
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        List<UUID> doomed = jdbc.sql(
                        "SELECT id FROM tracks WHERE owner_id = :user AND deleted_at IS NULL AND visibility <> 'public'")
                .param("user", userId)
                .query(UUID.class)
                .list();
        // buyers keep the originals they paid for: a contract with them outlives the artist's account
        UUID[] bought = doomed.stream().filter(trackFiles::mustRetainOriginal).toArray(UUID[]::new);
        List<TrackFiles.Stored> files = jdbc.sql("""
                        UPDATE tracks SET deleted_at = now(), updated_at = now(), original_retained = id = ANY(:bought)
                        WHERE id = ANY(:ids) AND deleted_at IS NULL
                        RETURNING id, file_path, cover_path, hls_prefix, thumbnail_prefix, original_retained
                        """)
                .param("ids", doomed.toArray(UUID[]::new))
                .param("bought", bought)
                .query((rs, n) -> new TrackFiles.Stored(
                        rs.getObject("id", UUID.class),
                        rs.getString("file_path"),
                        rs.getString("cover_path"),
                        rs.getString("hls_prefix"),
                        rs.getString("thumbnail_prefix"),
                        rs.getBoolean("original_retained")))
                .list();
        jdbc.sql("UPDATE track_processing_jobs SET status = 'cancelled', updated_at = now()"
                        + " WHERE track_id = ANY(:ids) AND status IN ('queued', 'running')")
                .param("ids", files.stream().map(TrackFiles.Stored::trackId).toArray(UUID[]::new))
                .update();
        int plays = jdbc.sql("UPDATE playback_history SET user_id = NULL WHERE user_id = :user")
                .param("user", userId)
                .update();
        files.forEach(f -> events.publishEvent(new TrackChanged(f.trackId(), userId)));
        AfterCommit.run(() -> trackFiles.delete(files));
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("tracks", files.size());
        erased.put("plays_anonymised", plays);
        return erased;
    }

    private record Original(UUID id, String blobKey, String format) {}
}
