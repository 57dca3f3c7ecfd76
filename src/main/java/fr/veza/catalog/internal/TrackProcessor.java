package fr.veza.catalog.internal;

import fr.veza.catalog.Loudness;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Turns one uploaded track into what the player needs, in a work directory: a single ffmpeg pass decodes the
 * file once and writes both HLS renditions plus the PCM the waveform is drawn from, and measures the loudness; the
 * input's description comes from the same run. Cover thumbnails come from the uploaded cover, else from art embedded in the file.
 * Everything is then copied to storage under a prefix of this run's own.
 */
@Component
class TrackProcessor {

    private static final Logger log = LoggerFactory.getLogger(TrackProcessor.class);

    private final Ffmpeg ffmpeg;
    private final CoverThumbnails covers;
    private final BlobStore blobs;
    private final CatalogSettings settings;

    TrackProcessor(Ffmpeg ffmpeg, BlobStore blobs, CatalogSettings settings, CoverThumbnails covers) {
        this.covers = covers;
        this.ffmpeg = ffmpeg;
        this.blobs = blobs;
        this.settings = settings;
    }

    ProcessedMedia process(Track track, Runnable heartbeat) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("veza-track-");
        String runId = UUID.randomUUID().toString();
        String hlsPrefix = "tracks/" + track.id() + "/hls/" + runId;
        String thumbnailPrefix = "tracks/" + track.id() + "/thumbnails/" + runId;
        try {
            Path input = localCopy(
                    track.filePath(),
                    work.resolve("original"),
                    "The uploaded file is missing; upload the track again.");
            Path hls = Files.createDirectories(work.resolve("hls"));
            boolean lossless = settings.losslessRendition() && isLossless(track, input, heartbeat);
            if (lossless) {
                Files.createDirectories(hls.resolve(HlsOutput.LOSSLESS));
            }
            Waveform waveform = new Waveform();
            Ffmpeg.Result result = ffmpeg.run(
                    transcodeArguments(input, hls, lossless), waveform::read, settings.transcodeTimeout(), heartbeat);
            if (result.exitCode() != 0) {
                throw failureOf(result);
            }
            InputDescription description = InputDescription.parse(result.head());
            List<HlsOutput.Rendition> renditions = HlsOutput.read(hls, lossless);
            Loudness loudness = LoudnessScan.read(result.tail()).orElse(null);
            boolean thumbnails = thumbnails(track, input, work, heartbeat);
            heartbeat.run();
            store(renditions, hlsPrefix);
            if (thumbnails) {
                covers.store(work, thumbnailPrefix);
            }
            long durationMs = waveform.durationMs() > 0 ? waveform.durationMs() : orZero(description.durationMs());
            return new ProcessedMedia(
                    durationMs,
                    description.bitrate(),
                    description.sampleRate(),
                    description.channels(),
                    description.codec(),
                    description.tags(),
                    waveform.peaks(),
                    hlsPrefix,
                    thumbnails ? thumbnailPrefix : null,
                    renditions,
                    loudness);
        } catch (IOException | RuntimeException | InterruptedException e) {
            discard(hlsPrefix, thumbnailPrefix);
            throw e;
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * Measures the loudness of a track processed before loudness was measured, from its original; empty when
     * ffmpeg could not read it to the end.
     */
    Optional<Loudness> measureLoudness(Track track, Runnable heartbeat) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("veza-loudness-");
        try {
            Path input = localCopy(track.filePath(), work.resolve("original"), "The uploaded file is missing.");
            List<String> args = new ArrayList<>(List.of("-i", input.toString()));
            args.addAll(LoudnessScan.outputArguments());
            Ffmpeg.Result result = ffmpeg.run(args, null, settings.transcodeTimeout(), heartbeat);
            return result.exitCode() == 0 ? LoudnessScan.read(result.tail()) : Optional.empty();
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** Removes what a run stored, when its result will never be recorded. */
    void discard(String hlsPrefix, String thumbnailPrefix) {
        try {
            blobs.deletePrefix(hlsPrefix);
            if (thumbnailPrefix != null) {
                blobs.deletePrefix(thumbnailPrefix);
            }
        } catch (IOException e) {
            log.warn("processing: could not remove unused outputs under {}: {}", hlsPrefix, e.getMessage());
        }
    }

    /**
     * Whether the upload is lossless audio that FLAC holds bit for bit (FLAC, ALAC, 8 to 24 bit integer PCM), from
     * what ffmpeg reads in it: a WAV may hold floating point, an M4A AAC.
     */
    private boolean isLossless(Track track, Path input, Runnable heartbeat) throws IOException, InterruptedException {
        if (!LOSSLESS_CONTAINERS.contains(track.originalFormat())) {
            return false;
        }
        Ffmpeg.Result probe = ffmpeg.run(List.of("-i", input.toString()), null, settings.transcodeTimeout(), heartbeat);
        String codec = InputDescription.parse(probe.head()).codec();
        return codec != null && LOSSLESS_CODECS.contains(codec);
    }

    private static final java.util.Set<String> LOSSLESS_CONTAINERS = java.util.Set.of("flac", "wav", "m4a");

    private static final java.util.Set<String> LOSSLESS_CODECS =
            java.util.Set.of("flac", "alac", "pcm_s16le", "pcm_s16be", "pcm_s24le", "pcm_s24be", "pcm_u8", "pcm_s8");

    private List<String> transcodeArguments(Path input, Path hls, boolean lossless) {
        List<String> args = new ArrayList<>(List.of("-i", input.toString()));
        for (int i = 0; i < HlsOutput.RENDITIONS.size(); i++) {
            args.addAll(List.of("-map", "0:a:0"));
        }
        args.addAll(List.of("-vn", "-c:a", "aac", "-ac", "2", "-ar", "44100"));
        StringBuilder streamMap = new StringBuilder();
        for (int i = 0; i < HlsOutput.RENDITIONS.size(); i++) {
            HlsOutput.RenditionSpec spec = HlsOutput.RENDITIONS.get(i);
            args.addAll(List.of("-b:a:" + i, spec.kbps() + "k"));
            streamMap
                    .append(i == 0 ? "" : " ")
                    .append("a:")
                    .append(i)
                    .append(",name:")
                    .append(spec.name());
        }
        args.addAll(hlsOutput("mpegts"));
        args.addAll(List.of(
                "-var_stream_map",
                streamMap.toString(),
                "-hls_segment_filename",
                hls.resolve("%v").resolve("seg_%05d.ts").toString(),
                hls.resolve("%v").resolve("index.m3u8").toString()));
        if (lossless) {
            // the samples as they are: no resampling, no remixing, the input's bit depth
            Path directory = hls.resolve(HlsOutput.LOSSLESS);
            args.addAll(List.of("-map", "0:a:0", "-vn", "-c:a", "flac", "-strict", "experimental"));
            args.addAll(hlsOutput("fmp4"));
            args.addAll(List.of(
                    "-hls_fmp4_init_filename",
                    HlsOutput.LOSSLESS_INIT,
                    "-hls_segment_filename",
                    directory.resolve("seg_%05d.m4s").toString(),
                    directory.resolve("index.m3u8").toString()));
        }
        args.addAll(List.of(
                "-map", "0:a:0", "-ac", "1", "-ar", Integer.toString(Waveform.SAMPLE_RATE), "-f", "s16le", "pipe:1"));
        args.addAll(LoudnessScan.outputArguments());
        return args;
    }

    private List<String> hlsOutput(String segmentType) {
        return List.of(
                "-f",
                "hls",
                "-hls_time",
                Integer.toString(settings.hlsSegmentSeconds()),
                "-hls_playlist_type",
                "vod",
                "-hls_segment_type",
                segmentType);
    }

    private boolean thumbnails(Track track, Path input, Path work, Runnable heartbeat)
            throws IOException, InterruptedException {
        Path source = work.resolve("cover-source");
        if (track.coverPath() != null) {
            source = localCopy(track.coverPath(), source, "The cover image is missing.");
        } else {
            Ffmpeg.Result art = ffmpeg.run(
                    List.of(
                            "-i",
                            input.toString(),
                            "-map",
                            "0:v:0",
                            "-frames:v",
                            "1",
                            "-f",
                            "image2",
                            "-c:v",
                            "png",
                            source.toString()),
                    null,
                    settings.transcodeTimeout(),
                    heartbeat);
            if (art.exitCode() != 0 || !Files.isRegularFile(source)) {
                return false; // no embedded art: the track simply has no cover
            }
        }
        return covers.draw(source, work, heartbeat);
    }

    private Path localCopy(String key, Path target, String missingMessage) throws IOException {
        var local = blobs.localPath(key);
        if (local.isPresent()) {
            return local.get();
        }
        if (!blobs.exists(key)) {
            throw new ProcessingFailure(missingMessage, false);
        }
        try (InputStream in = blobs.open(key)) {
            Files.copy(in, target);
        }
        return target;
    }

    private void store(List<HlsOutput.Rendition> renditions, String prefix) throws IOException {
        for (HlsOutput.Rendition rendition : renditions) {
            if (rendition.init() != null) {
                blobs.put(
                        initKey(prefix, rendition),
                        rendition.init(),
                        rendition.format().contentType());
            }
            for (HlsOutput.Segment segment : rendition.segments()) {
                blobs.put(
                        segmentKey(prefix, rendition, segment.seq()),
                        segment.file(),
                        rendition.format().contentType());
            }
        }
    }

    static String segmentKey(String prefix, HlsOutput.Rendition rendition, int seq) {
        return prefix + "/" + rendition.name() + "/"
                + String.format("seg_%05d.%s", seq, rendition.format().suffix());
    }

    static String initKey(String prefix, HlsOutput.Rendition rendition) {
        return prefix + "/" + rendition.name() + "/" + HlsOutput.LOSSLESS_INIT;
    }

    private static ProcessingFailure failureOf(Ffmpeg.Result result) {
        if (result.mentions("matches no streams") || result.mentions("does not contain any stream")) {
            return new ProcessingFailure("The file contains no audio.", false);
        }
        if (result.mentions("Invalid data found when processing input") || result.mentions("could not find codec")) {
            return new ProcessingFailure(
                    "The file could not be read as audio; it may be damaged or in an unsupported format.", false);
        }
        return new ProcessingFailure("Transcoding failed: " + result.lastError(), true);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    record ProcessedMedia(
            long durationMs,
            Integer bitrate,
            Integer sampleRate,
            Integer channels,
            String codec,
            java.util.Map<String, String> tags,
            float[] waveform,
            String hlsPrefix,
            String thumbnailPrefix,
            List<HlsOutput.Rendition> renditions,
            Loudness loudness) {}
}
