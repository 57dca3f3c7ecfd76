package fr.veza.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ffmpeg says about its input before it starts: duration, bitrate, the audio stream and the file's tags.
 * Every field is best effort; the authoritative duration is the decoded one.
 */
record InputDescription(
        Long durationMs,
        Integer bitrate,
        String codec,
        Integer sampleRate,
        Integer channels,
        Map<String, String> tags) {

    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern BITRATE = Pattern.compile("bitrate: (\\d+) kb/s");
    private static final Pattern AUDIO =
            Pattern.compile("Stream #0:\\d+.*?: Audio: ([a-z0-9_]+)[^,]*, (\\d+) Hz, ([^,]+)");
    private static final Pattern TAG = Pattern.compile("^ {4}([A-Za-z_][A-Za-z0-9_ -]*?)\\s*: (.*)$");
    private static final Set<String> KEPT_TAGS =
            Set.of("title", "artist", "album", "album_artist", "genre", "date", "track", "composer", "copyright");

    static InputDescription parse(List<String> lines) {
        Long duration = null;
        Integer bitrate = null;
        String codec = null;
        Integer sampleRate = null;
        Integer channels = null;
        Map<String, String> tags = new LinkedHashMap<>();
        boolean inInput = false;
        boolean inGlobalMetadata = false;
        for (String line : lines) {
            if (line.startsWith("Input #0")) {
                inInput = true;
                continue;
            }
            if (!inInput) {
                continue;
            }
            if (line.startsWith("Output #") || line.startsWith("Stream mapping")) {
                break;
            }
            if (line.equals("  Metadata:")) {
                inGlobalMetadata = true;
                continue;
            }
            Matcher d = DURATION.matcher(line);
            if (d.find()) {
                inGlobalMetadata = false;
                duration = Math.round((Long.parseLong(d.group(1)) * 3600
                                + Long.parseLong(d.group(2)) * 60
                                + Double.parseDouble(d.group(3)))
                        * 1000);
                Matcher b = BITRATE.matcher(line);
                bitrate = b.find() ? Integer.parseInt(b.group(1)) : null;
                continue;
            }
            Matcher a = AUDIO.matcher(line);
            if (a.find() && codec == null) {
                codec = a.group(1);
                sampleRate = Integer.parseInt(a.group(2));
                channels = channels(a.group(3).trim());
                continue;
            }
            Matcher t = TAG.matcher(line);
            if (inGlobalMetadata && t.matches()) {
                String key = t.group(1).trim().toLowerCase(Locale.ROOT);
                if (KEPT_TAGS.contains(key) && !t.group(2).isBlank()) {
                    tags.put(key, t.group(2).trim());
                }
            }
        }
        return new InputDescription(duration, bitrate, codec, sampleRate, channels, Map.copyOf(tags));
    }

    private static Integer channels(String layout) {
        return switch (layout) {
            case "mono" -> 1;
            case "stereo" -> 2;
            case "2.1", "3.0" -> 3;
            case "quad", "4.0" -> 4;
            case "5.0", "5.0(side)" -> 5;
            case "5.1", "5.1(side)" -> 6;
            case "7.1" -> 8;
            default -> {
                Matcher n = Pattern.compile("(\\d+) channels").matcher(layout);
                yield n.find() ? Integer.parseInt(n.group(1)) : null;
            }
        };
    }
}
