package fr.veza.catalog.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The renditions ffmpeg wrote into a work directory, read back from its variant playlists and checked. */
final class HlsOutput {

    /** The renditions Veza makes: name, audio bitrate in kb/s. */
    static final List<RenditionSpec> RENDITIONS =
            List.of(new RenditionSpec("128k", 128), new RenditionSpec("256k", 256));

    static final String CODECS = "mp4a.40.2";

    private HlsOutput() {}

    static List<Rendition> read(Path hlsDirectory) throws IOException {
        List<Rendition> renditions = new ArrayList<>();
        for (RenditionSpec spec : RENDITIONS) {
            Path playlist = hlsDirectory.resolve(spec.name()).resolve("index.m3u8");
            if (!Files.isRegularFile(playlist)) {
                throw new ProcessingFailure("Transcoding produced no " + spec.name() + " stream.", true);
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
                    Path file = hlsDirectory
                            .resolve(spec.name())
                            .resolve(line.trim())
                            .normalize();
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
            renditions.add(new Rendition(spec.name(), spec.kbps(), segments));
        }
        return renditions;
    }

    record RenditionSpec(String name, int kbps) {}

    record Rendition(String name, int kbps, List<Segment> segments) {

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
