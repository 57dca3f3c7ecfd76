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
