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
