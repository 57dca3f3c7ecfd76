package fr.veza.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.catalog.Loudness;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The HLS renditions and segments of tracks, and the switch that makes a track ready with them. */
@Repository
class MediaRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MediaRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records the media and makes the track ready, in the caller's transaction. Returns the new media version, or
     * empty when the track is no longer waiting for it (deleted, or already resolved).
     */
    Optional<Integer> recordReady(UUID trackId, TrackProcessor.ProcessedMedia media) {
        Loudness loudness = media.loudness();
        Optional<Integer> version = jdbc.sql("""
                        UPDATE tracks SET status = 'ready', status_message = NULL, media_version = media_version + 1,
                               duration_ms = :duration, bitrate = :bitrate, sample_rate = :sampleRate,
                               channels = :channels, codec = :codec, source_tags = CAST(:tags AS jsonb),
                               waveform = CAST(:waveform AS jsonb), hls_prefix = :hlsPrefix,
                               thumbnail_prefix = :thumbnailPrefix, ready_at = now(), updated_at = now(),
                               loudness_lufs = :lufs, loudness_range_lu = :range, true_peak_dbtp = :peak,
                               loudness_measured_at = CASE WHEN :measured THEN now() END
                        WHERE id = :id AND status = 'processing' AND deleted_at IS NULL
                        RETURNING media_version
                        """)
                .param("id", trackId)
                .param("duration", media.durationMs())
                .param("bitrate", media.bitrate())
                .param("sampleRate", media.sampleRate())
                .param("channels", media.channels())
                .param("codec", media.codec())
                .param("tags", toJson(media.tags()))
                .param("waveform", toJson(media.waveform()))
                .param("hlsPrefix", media.hlsPrefix())
                .param("thumbnailPrefix", media.thumbnailPrefix())
                .param("lufs", loudness == null ? null : loudness.integratedLufs(), Types.DOUBLE)
                .param("range", loudness == null ? null : loudness.rangeLu(), Types.DOUBLE)
                .param("peak", loudness == null ? null : loudness.truePeakDbtp(), Types.DOUBLE)
                .param("measured", loudness != null)
                .query(Integer.class)
                .optional();
        version.ifPresent(v -> insertRenditions(trackId, v, media));
        return version;
    }

    private void insertRenditions(UUID trackId, int version, TrackProcessor.ProcessedMedia media) {
        for (HlsOutput.Rendition rendition : media.renditions()) {
            jdbc.sql("""
                            INSERT INTO track_renditions (track_id, media_version, name, bitrate, codecs, target_duration,
                                                          init_key)
                            VALUES (:trackId, :version, :name, :bitrate, :codecs, :target, :init)
                            """)
                    .param("trackId", trackId)
                    .param("version", version)
                    .param("name", rendition.name())
                    .param("bitrate", rendition.kbps() * 1000)
                    .param("codecs", rendition.codecs())
                    .param("target", rendition.targetDuration())
                    .param(
                            "init",
                            rendition.init() == null ? null : TrackProcessor.initKey(media.hlsPrefix(), rendition))
                    .update();
            for (HlsOutput.Segment segment : rendition.segments()) {
                jdbc.sql("""
                                INSERT INTO track_segments (track_id, media_version, rendition, seq, duration, blob_key,
                                                            size_bytes)
                                VALUES (:trackId, :version, :rendition, :seq, :duration, :key, :size)
                                """)
                        .param("trackId", trackId)
                        .param("version", version)
                        .param("rendition", rendition.name())
                        .param("seq", segment.seq())
                        .param("duration", segment.duration())
                        .param("key", TrackProcessor.segmentKey(media.hlsPrefix(), rendition, segment.seq()))
                        .param("size", segment.size())
                        .update();
            }
        }
    }

    List<StoredRendition> renditions(UUID trackId, int version) {
        return jdbc.sql("""
                        SELECT r.name, r.bitrate, r.codecs, r.target_duration, r.init_key,
                               coalesce(sum(s.size_bytes), 0) AS total_bytes, coalesce(sum(s.duration), 0) AS seconds,
                               coalesce(max(s.size_bytes * 8 / nullif(s.duration, 0)), 0) AS peak_bps
                        FROM track_renditions r
                        JOIN track_segments s ON s.track_id = r.track_id AND s.media_version = r.media_version
                                             AND s.rendition = r.name
                        WHERE r.track_id = :trackId AND r.media_version = :version
                        GROUP BY r.name, r.bitrate, r.codecs, r.target_duration, r.init_key
                        ORDER BY r.bitrate
                        """)
                .param("trackId", trackId)
                .param("version", version)
                .query((rs, n) -> new StoredRendition(
                        rs.getString("name"),
                        rs.getInt("bitrate"),
                        rs.getString("codecs"),
                        rs.getInt("target_duration"),
                        rs.getLong("total_bytes"),
                        rs.getBigDecimal("seconds"),
                        rs.getBigDecimal("peak_bps").longValue(),
                        rs.getString("init_key")))
                .list();
    }

    List<StoredSegment> segments(UUID trackId, int version, String rendition) {
        return jdbc.sql("""
                        SELECT seq, duration, blob_key, size_bytes FROM track_segments
                        WHERE track_id = :trackId AND media_version = :version AND rendition = :rendition
                        ORDER BY seq
                        """)
                .param("trackId", trackId)
                .param("version", version)
                .param("rendition", rendition)
                .query((rs, n) -> new StoredSegment(
                        rs.getInt("seq"),
                        rs.getBigDecimal("duration"),
                        rs.getString("blob_key"),
                        rs.getLong("size_bytes")))
                .list();
    }

    Optional<StoredSegment> segment(UUID trackId, int version, String rendition, int seq) {
        return jdbc.sql("""
                        SELECT seq, duration, blob_key, size_bytes FROM track_segments
                        WHERE track_id = :trackId AND media_version = :version AND rendition = :rendition AND seq = :seq
                        """)
                .param("trackId", trackId)
                .param("version", version)
                .param("rendition", rendition)
                .param("seq", seq)
                .query((rs, n) -> new StoredSegment(
                        rs.getInt("seq"),
                        rs.getBigDecimal("duration"),
                        rs.getString("blob_key"),
                        rs.getLong("size_bytes")))
                .optional();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    record StoredRendition(
            String name,
            int bitrate,
            String codecs,
            int targetDuration,
            long totalBytes,
            java.math.BigDecimal seconds,
            long peakBitsPerSecond,
            String initKey) {

        /** Whether its segments are fragmented MP4 after an initialisation segment (the lossless one). */
        boolean fragmentedMp4() {
            return initKey != null;
        }

        SegmentFormat format() {
            return SegmentFormat.of(fragmentedMp4());
        }

        long averageBitsPerSecond() {
            return seconds.signum() == 0 ? bitrate : Math.round(totalBytes * 8 / seconds.doubleValue());
        }
    }

    record StoredSegment(int seq, java.math.BigDecimal duration, String blobKey, long sizeBytes) {}
}
