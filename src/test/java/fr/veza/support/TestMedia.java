package fr.veza.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real media files for tests, made by the same static ffmpeg the application ships, once per test JVM. */
public final class TestMedia {

    private static final Path DIRECTORY = Path.of("target", "test-media");
    private static Path ffmpeg;

    private TestMedia() {}

    /** A sine tone of the given length, tagged with a title and an artist, in the format of the extension. */
    public static synchronized Path tone(int seconds, String extension) {
        Path file = DIRECTORY.resolve("tone-" + seconds + "s." + extension);
        if (!Files.exists(file)) {
            List<String> args = new ArrayList<>(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                    "-metadata",
                    "title=Test Tone",
                    "-metadata",
                    "artist=Veza Tests"));
            args.addAll(
                    switch (extension) {
                        case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "128k");
                        case "flac" -> List.of("-c:a", "flac");
                        case "wav" -> List.of("-c:a", "pcm_s16le");
                        case "ogg" -> List.of("-c:a", "libopus", "-b:a", "64k");
                        case "m4a" -> List.of("-c:a", "aac", "-b:a", "128k");
                        default -> throw new IllegalArgumentException(extension);
                    });
            args.add(file.toString());
            run(args);
        }
        return file;
    }

    /**
     * A 1 kHz sine whose peak is {@code dbfs} below full scale, in one or two channels, lossless (FLAC or WAV, 16
     * bit): the signal BS.1770 and EBU Tech 3341 calibrate loudness meters with (stereo at -23 dBFS reads -23 LUFS).
     */
    public static synchronized Path sine(double dbfs, int channels, int seconds, String extension) {
        Path file = DIRECTORY.resolve(
                String.format(java.util.Locale.ROOT, "sine-%.1fdbfs-%dch-%ds.%s", dbfs, channels, seconds, extension));
        if (!Files.exists(file)) {
            String wave = String.format(java.util.Locale.ROOT, "%.8f*sin(2*PI*1000*t)", Math.pow(10, dbfs / 20));
            String expression = channels == 1 ? wave : wave + "|" + wave;
            run(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "aevalsrc=" + expression + ":s=48000:d=" + seconds,
                    "-c:a",
                    extension.equals("wav") ? "pcm_s16le" : "flac",
                    "-sample_fmt",
                    "s16",
                    file.toString()));
        }
        return file;
    }

    /**
     * A quiet stereo sine (-33 dBFS) with a short click at -3 dBFS every second: quiet to the ear, loud to a peak
     * meter, as a sparse acoustic recording is.
     */
    public static synchronized Path peaky(int seconds) {
        Path file = DIRECTORY.resolve("peaky-" + seconds + "s.flac");
        if (!Files.exists(file)) {
            String wave = "0.0224*sin(2*PI*1000*t)+if(lt(mod(t\\,1)\\,0.001)\\,0.7\\,0)";
            run(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "aevalsrc=" + wave + "|" + wave + ":s=48000:d=" + seconds,
                    "-c:a",
                    "flac",
                    "-sample_fmt",
                    "s16",
                    file.toString()));
        }
        return file;
    }

    /**
     * Ten seconds of lossless stereo music-like signal (two tones and low noise, so every bit of the depth is used),
     * 16 or 24 bit, as FLAC or WAV.
     */
    public static synchronized Path lossless(int bits, int sampleRate, String extension) {
        Path file = DIRECTORY.resolve("lossless-" + bits + "bit-" + sampleRate + "." + extension);
        if (!Files.exists(file)) {
            List<String> args = new ArrayList<>(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "aevalsrc=0.3*sin(2*PI*440*t)+0.003*(random(0)-0.5)|0.2*sin(2*PI*659*t)+0.003*(random(1)-0.5)"
                            + ":s=" + sampleRate + ":d=10"));
            if (extension.equals("wav")) {
                args.addAll(List.of("-c:a", bits == 24 ? "pcm_s24le" : "pcm_s16le"));
            } else {
                args.addAll(List.of("-c:a", "flac", "-sample_fmt", bits == 24 ? "s32" : "s16"));
                if (bits == 24) {
                    args.addAll(List.of("-bits_per_raw_sample", "24"));
                }
            }
            args.add(file.toString());
            run(args);
        }
        return file;
    }

    /**
     * The MD5 of the PCM ffmpeg decodes from a file, as 32-bit samples (16 and 24 bit held without loss), with its
     * sample rate and channel count: equal for two files exactly when they hold the same audio.
     */
    public static String pcmMd5(Path file) {
        try {
            List<String> command = List.of(
                    ffmpeg().toString(),
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-i",
                    file.toString(),
                    "-map",
                    "0:a:0",
                    "-c:a",
                    "pcm_s32le",
                    "-f",
                    "md5",
                    "-");
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.startsWith("MD5=")) {
                throw new AssertionError("ffmpeg could not decode " + file + ": " + output);
            }
            return output + " " + describe(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ffmpeg's description of the file's audio stream: codec, rate, channels, sample format. */
    public static String describe(Path file) {
        try {
            Process process = new ProcessBuilder(ffmpeg().toString(), "-hide_banner", "-i", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(60, TimeUnit.SECONDS);
            java.util.regex.Matcher stream =
                    java.util.regex.Pattern.compile("Audio: (.*)").matcher(output);
            if (!stream.find()) {
                throw new AssertionError("no audio in " + file + ": " + output);
            }
            // the rate, channels and sample format, not the codec or the container's bitrate
            String[] parts = stream.group(1).split(", ");
            return parts[1] + ", " + parts[2] + ", " + parts[3].replaceAll(" \\(default\\)", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Digital silence, two channels, as a WAV file. */
    public static synchronized Path silence(int seconds) {
        Path file = DIRECTORY.resolve("silence-" + seconds + "s.wav");
        if (!Files.exists(file)) {
            run(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "anullsrc=r=44100:cl=stereo",
                    "-t",
                    Integer.toString(seconds),
                    "-c:a",
                    "pcm_s16le",
                    file.toString()));
        }
        return file;
    }

    /**
     * A short MP3 tone carrying the given tags (album, track, date, genre...), as files from a music library do; the
     * file's name comes from {@code name}, so each set of tags is made once.
     */
    public static synchronized Path tagged(String name, int seconds, java.util.Map<String, String> tags) {
        Path file = DIRECTORY.resolve("tagged-" + name + ".mp3");
        if (!Files.exists(file)) {
            List<String> args = new ArrayList<>(
                    List.of("-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100:duration=" + seconds));
            tags.forEach((key, value) -> args.addAll(List.of("-metadata", key + "=" + value)));
            args.addAll(List.of("-c:a", "libmp3lame", "-b:a", "128k", file.toString()));
            run(args);
        }
        return file;
    }

    /** How many seconds of audio ffmpeg decodes from the file; fails when it cannot decode it at all. */
    public static double decodedSeconds(Path file) {
        try {
            List<String> command =
                    List.of(ffmpeg().toString(), "-hide_banner", "-i", file.toString(), "-f", "null", "-");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // the static build crashes converting the MPEG-TS service name through the host's iconv modules;
            // without them it keeps the name as it is
            builder.environment().put("GCONV_PATH", "/nonexistent");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("ffmpeg could not decode " + file + ": " + output);
            }
            java.util.regex.Matcher time = java.util.regex.Pattern.compile("time=(\\d+):(\\d+):(\\d+\\.\\d+)")
                    .matcher(output);
            double seconds = -1;
            while (time.find()) {
                seconds = Integer.parseInt(time.group(1)) * 3600
                        + Integer.parseInt(time.group(2)) * 60
                        + Double.parseDouble(time.group(3));
            }
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An MP3 that starts like one (an ID3 header) but holds noise: it passes sniffing and fails decoding. */
    public static synchronized Path corruptMp3() {
        Path file = DIRECTORY.resolve("corrupt.mp3");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[64 * 1024];
            new java.util.Random(7).nextBytes(bytes);
            byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
            System.arraycopy(id3, 0, bytes, 0, id3.length);
            write(file, bytes);
        }
        return file;
    }

    public static synchronized Path coverPng() {
        Path file = DIRECTORY.resolve("cover.png");
        if (!Files.exists(file)) {
            run(List.of("-f", "lavfi", "-i", "color=c=orange:s=300x200", "-frames:v", "1", file.toString()));
        }
        return file;
    }

    public static synchronized Path text(String name, String content) {
        Path file = DIRECTORY.resolve(name);
        write(file, content.getBytes());
        return file;
    }

    public static synchronized Path randomBytes(String name, int size) {
        Path file = DIRECTORY.resolve(name);
        if (!Files.exists(file)) {
            byte[] bytes = new byte[size];
            new java.util.Random(3).nextBytes(bytes);
            write(file, bytes);
        }
        return file;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> args) {
        try {
            Files.createDirectories(DIRECTORY);
            List<String> command =
                    new ArrayList<>(List.of(ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y"));
            command.addAll(args);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The static ffmpeg the application ships, copied where a child process can run it. */
    public static synchronized Path ffmpeg() throws IOException {
        if (ffmpeg == null) {
            Files.createDirectories(DIRECTORY);
            Path target = DIRECTORY.resolve("ffmpeg");
            try (InputStream binary = TestMedia.class.getResourceAsStream("/ws/schild/jave/nativebin/ffmpeg-amd64")) {
                Files.copy(binary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            ffmpeg = target;
        }
        return ffmpeg;
    }
}
