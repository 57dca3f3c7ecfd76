package fr.veza.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * Tells what a file is from its first bytes (magic numbers), never from the name or the type the client sent.
 * The stream must support mark/reset; it is left at its start.
 */
@Component
class MediaFormats {

    private static final Map<String, String> AUDIO = Map.ofEntries(
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/x-flac", "flac"),
            Map.entry("audio/flac", "flac"),
            Map.entry("audio/vnd.wave", "wav"),
            Map.entry("audio/wav", "wav"),
            Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/vorbis", "ogg"),
            Map.entry("audio/opus", "ogg"),
            Map.entry("audio/ogg", "ogg"),
            Map.entry("application/ogg", "ogg"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/x-m4a", "m4a"),
            Map.entry("audio/x-aac", "aac"),
            Map.entry("audio/aac", "aac"));

    private static final Map<String, String> IMAGES =
            Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

    static final String ACCEPTED_AUDIO = "MP3, FLAC, WAV, OGG (Vorbis or Opus), AAC or M4A";
    static final String ACCEPTED_IMAGES = "JPEG, PNG or WebP";

    private static final Map<String, String> AUDIO_CONTENT_TYPES = Map.of(
            "mp3", "audio/mpeg",
            "flac", "audio/flac",
            "wav", "audio/wav",
            "ogg", "audio/ogg",
            "m4a", "audio/mp4",
            "aac", "audio/aac");

    private final Detector detector = new DefaultDetector();

    /** The content type to serve an accepted audio format with. */
    static String contentType(String format) {
        return AUDIO_CONTENT_TYPES.getOrDefault(format, "application/octet-stream");
    }

    /** The audio format's short name ({@code mp3}, {@code flac}...), or empty for anything else. */
    Optional<String> audio(InputStream content) throws IOException {
        return Optional.ofNullable(AUDIO.get(detect(content)));
    }

    Optional<String> image(InputStream content) throws IOException {
        return Optional.ofNullable(IMAGES.get(detect(content)));
    }

    private String detect(InputStream content) throws IOException {
        return detector.detect(content, new Metadata()).getBaseType().toString();
    }
}
