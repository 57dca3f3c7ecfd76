package fr.veza.catalog.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The renditions ffmpeg wrote into a work directory, read back from their playlists and checked: the AAC ones in
 * MPEG-TS segments for every track, and for a lossless upload the lossless one, FLAC in fragmented MP4 segments
 * after their initialisation segment.
 */
final class HlsOutput {

    /** The AAC renditions Veza makes: name, audio bitrate in kb/s. */
    static final List<RenditionSpec> RENDITIONS =
            List.of(new RenditionSpec("128k", 128), new RenditionSpec("256k", 256));

    static final String CODECS = "mp4a.40.2";

    /** The lossless rendition's name, and its codec as HLS names it. */
    static final String LOSSLESS = "lossless";

    static final String LOSSLESS_CODECS = "fLaC";

    static final String LOSSLESS_INIT = "init.mp4";

    private HlsOutput() {}

    /** @param lossless whether the run was asked for the lossless rendition too */
    static List<Rendition> read(Path hlsDirectory, boolean lossless) throws IOException {
        List<Rendition> renditions = new ArrayList<>();
        for (RenditionSpec spec : RENDITIONS) {
            renditions.add(rendition(hlsDirectory, spec.name(), spec.kbps(), CODECS, null));
        }
        if (lossless) {
            Path init = hlsDirectory.resolve(LOSSLESS).resolve(LOSSLESS_INIT);
            if (!Files.isRegularFile(init)) {
                throw new ProcessingFailure("Transcoding produced no lossless stream.", true);
            }
            Rendition read = rendition(hlsDirectory, LOSSLESS, 0, LOSSLESS_CODECS, init);
            renditions.add(new Rendition(read.name(), read.averageKbps(), read.codecs(), init, read.segments()));
        }
        return renditions;
    }

    private static Rendition rendition(Path hlsDirectory, String name, int kbps, String codecs, Path init)
            throws IOException {
        Path playlist = hlsDirectory.resolve(name).resolve("index.m3u8");
        if (!Files.isRegularFile(playlist)) {
            throw new ProcessingFailure("Transcoding produced no " + name + " stream.", true);
        }
        List<String> lines = Files.readAllLines(playlist);
        if (!lines.contains("#EXT-X-ENDLIST")) {
            throw new ProcessingFailure("Transcoding stopped before the end of the track.", true);
        }
        List<Segment> segments = new ArrayList<>();
        BigDecimal duration = null;
        for (String line : lines) {
            if (line.startsWith("#EXTINF:")) {
                duration = new BigDecimal(line.substring("#EXTINF:".length(), line.indexOf(',')));
            } else if (!line.isBlank() && !line.startsWith("#") && duration != null) {
                Path file = hlsDirectory.resolve(name).resolve(line.trim()).normalize();
                if (!file.startsWith(hlsDirectory) || !Files.isRegularFile(file)) {
                    throw new ProcessingFailure("Transcoding lost a segment.", true);
                }
                segments.add(new Segment(segments.size(), duration, file, Files.size(file)));
                duration = null;
            }
        }
        if (segments.isEmpty()) {
            throw new ProcessingFailure("The track is too short to stream.", false);
        }
        return new Rendition(name, kbps, codecs, init, segments);
    }

    record RenditionSpec(String name, int kbps) {}

    /** @param init the initialisation segment of fragmented MP4 segments; null for MPEG-TS */
    record Rendition(String name, int kbps, String codecs, Path init, List<Segment> segments) {

        /** The segments' own bitrate, for a rendition whose encoder has none of its own (FLAC). */
        int averageKbps() {
            long bytes = segments.stream().mapToLong(Segment::size).sum();
            double seconds = segments.stream()
                    .map(Segment::duration)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .doubleValue();
            return seconds == 0 ? 0 : (int) Math.round(bytes * 8 / seconds / 1000);
        }

        SegmentFormat format() {
            return SegmentFormat.of(init != null);
        }

        int targetDuration() {
            return segments.stream()
                    .map(Segment::duration)
                    .max(BigDecimal::compareTo)
                    .orElseThrow()
                    .setScale(0, java.math.RoundingMode.CEILING)
                    .intValue();
        }
    }

    record Segment(int seq, BigDecimal duration, Path file, long size) {}
}
