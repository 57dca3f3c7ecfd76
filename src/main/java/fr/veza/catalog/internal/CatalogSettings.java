package fr.veza.catalog.internal;

import fr.veza.platform.config.PositiveDuration;
import fr.veza.platform.config.PositiveSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param uploadMaxBytes {@code UPLOAD_MAX_BYTES}: the largest audio upload
 * @param coverMaxBytes {@code COVER_MAX_BYTES}: the largest cover image
 * @param transcodeConcurrency {@code TRANSCODE_CONCURRENCY}: tracks processed at once on this instance (0 = none)
 * @param transcodeTimeout {@code TRANSCODE_TIMEOUT}: longest one track may take
 * @param transcodeLease {@code TRANSCODE_LEASE}: how long a claimed job stays ours without a heartbeat
 * @param transcodeMaxAttempts {@code TRANSCODE_MAX_ATTEMPTS}: tries before a track is marked failed
 * @param pollInterval {@code TRANSCODE_POLL_INTERVAL}: how often idle processors look for work
 * @param hlsSegmentSeconds {@code HLS_SEGMENT_SECONDS}: target segment length
 * @param ffmpegPath {@code FFMPEG_PATH}: an ffmpeg to use instead of the bundled static one
 * @param orphanAfter {@code ORPHAN_CLEANUP_AFTER}: how long a track may stay processing without its file
 * @param orphanInterval {@code ORPHAN_CLEANUP_INTERVAL}
 * @param playCountThreshold {@code PLAY_COUNT_THRESHOLD}: seconds of listening that make a play count
 * @param retainedOriginalsInterval {@code RETAINED_ORIGINALS_INTERVAL}: how often deleted tracks' originals kept
 *     for buyers are checked for buyers left
 * @param loudnessBackfillInterval {@code LOUDNESS_BACKFILL_INTERVAL}: how often tracks processed before loudness was
 *     measured are looked for and measured, a batch at a time
 * @param losslessRendition {@code LOSSLESS_RENDITION}: whether lossless uploads also stream losslessly (FLAC)
 */
@Validated
@ConfigurationProperties("veza.catalog")
public record CatalogSettings(
        @NotNull @PositiveSize DataSize uploadMaxBytes,
        @NotNull @PositiveSize DataSize coverMaxBytes,
        @Min(0) @Max(64) int transcodeConcurrency,
        @NotNull @PositiveDuration Duration transcodeTimeout,
        @NotNull @PositiveDuration Duration transcodeLease,
        @Min(1) @Max(20) int transcodeMaxAttempts,
        @NotNull @PositiveDuration Duration pollInterval,
        @Min(2) @Max(30) int hlsSegmentSeconds,
        Path ffmpegPath,
        @NotNull @PositiveDuration Duration orphanAfter,
        @NotNull @PositiveDuration Duration orphanInterval,
        @Min(1) int playCountThreshold,
        @NotNull @PositiveDuration Duration retainedOriginalsInterval,
        @NotNull @PositiveDuration Duration loudnessBackfillInterval,
        boolean losslessRendition) {}
