package fr.veza.catalog.internal;

import fr.veza.catalog.Loudness;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ffmpeg's EBU R128 scanner as one more output of a run: the {@code ebur128} filter with true-peak measurement
 * (4x oversampling, as BS.1770 asks), its summary read back from what ffmpeg printed last. A mono file counts as
 * dual mono, since it is heard on both speakers.
 */
final class LoudnessScan {

    /** ffmpeg's floor: what it reports when no block passed the gate, that is silence. */
    private static final double SILENCE_LUFS = -70.0;

    private static final Pattern SUMMARY = Pattern.compile("\\[Parsed_ebur128_\\d+ @ [^]]+] Summary:");
    private static final Pattern INTEGRATED = Pattern.compile("^\\s*I:\\s+(-?[\\d.]+|-?inf|nan) LUFS");
    private static final Pattern RANGE = Pattern.compile("^\\s*LRA:\\s+(-?[\\d.]+|-?inf|nan) LU\\b");
    private static final Pattern PEAK = Pattern.compile("^\\s*Peak:\\s+(-?[\\d.]+|-?inf|nan) dBFS");

    private LoudnessScan() {}

    /** The output arguments that add the scan to an ffmpeg run reading {@code 0:a:0}. */
    static List<String> outputArguments() {
        return List.of("-map", "0:a:0", "-af", "ebur128=peak=true:dualmono=true:framelog=verbose", "-f", "null", "-");
    }

    /** The measurement in ffmpeg's last lines; empty when they hold no summary (the scan did not finish). */
    static Optional<Loudness> read(List<String> lastLines) {
        int start = -1;
        for (int i = 0; i < lastLines.size(); i++) {
            if (SUMMARY.matcher(lastLines.get(i)).find()) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        Double integrated = null;
        Double range = null;
        Double peak = null;
        for (String line : lastLines.subList(start + 1, lastLines.size())) {
            integrated = integrated == null ? number(INTEGRATED, line) : integrated;
            range = range == null ? number(RANGE, line) : range;
            peak = peak == null ? number(PEAK, line) : peak;
        }
        if (integrated == null || range == null || peak == null) {
            return Optional.empty();
        }
        boolean silent = integrated.isNaN() || integrated <= SILENCE_LUFS;
        boolean noPeak = peak.isNaN() || peak.isInfinite();
        return Optional.of(new Loudness(
                silent ? null : integrated,
                silent || range.isNaN() || range.isInfinite() ? 0 : range,
                silent || noPeak ? null : peak));
    }

    private static Double number(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            return null;
        }
        return switch (matcher.group(1)) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.valueOf(matcher.group(1));
        };
    }
}
