package fr.veza.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs ffmpeg. Which one: {@code FFMPEG_PATH} when set; else an ffmpeg 4+ on the PATH; else the statically linked
 * build shipped inside the jar (JAVE2's native binary), so no system install is ever needed.
 */
@Component
class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final String BUNDLED = "/ws/schild/jave/nativebin/ffmpeg-amd64";
    private static final Pattern VERSION = Pattern.compile("ffmpeg version n?(\\d+)\\.");

    private final CatalogSettings settings;
    private volatile Path executable;

    Ffmpeg(CatalogSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs ffmpeg with the arguments and waits for it, calling {@code heartbeat} about every 20 seconds.
     *
     * @param stdout receives standard output, or null to discard it
     */
    Result run(List<String> arguments, InputConsumer stdout, Duration timeout, Runnable heartbeat)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of("-hide_banner", "-nostdin", "-y"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stdout == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        StderrCollector stderr = new StderrCollector(process.getErrorStream());
        Thread stderrReader = daemon("ffmpeg-stderr", stderr);
        Thread stdoutReader = stdout == null ? null : daemon("ffmpeg-stdout", () -> consume(process, stdout));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(20, TimeUnit.SECONDS)) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new ProcessingFailure(
                            "Processing took longer than " + timeout.toMinutes() + " minutes and was stopped.", false);
                }
                heartbeat.run();
            }
            stderrReader.join(5_000);
            if (stdoutReader != null) {
                stdoutReader.join(5_000);
            }
            return new Result(process.exitValue(), stderr.head(), stderr.tail());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void consume(Process process, InputConsumer stdout) {
        try (InputStream in = process.getInputStream()) {
            stdout.accept(in);
        } catch (IOException e) {
            log.debug("ffmpeg output ended early: {}", e.getMessage());
        }
    }

    Path executable() {
        Path found = executable;
        if (found == null) {
            synchronized (this) {
                if (executable == null) {
                    executable = locate();
                    log.info("ffmpeg in use: {}", executable);
                }
                found = executable;
            }
        }
        return found;
    }

    private Path locate() {
        if (settings.ffmpegPath() != null) {
            return settings.ffmpegPath();
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "ffmpeg");
            if (Files.isExecutable(candidate) && majorVersion(candidate) >= 4) {
                return candidate;
            }
        }
        return extractBundled();
    }

    private static int majorVersion(Path candidate) {
        try {
            Process process = new ProcessBuilder(candidate.toString(), "-version")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readNBytes(4096));
            process.waitFor(10, TimeUnit.SECONDS);
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | InterruptedException | NumberFormatException unusable) {
            return 0;
        }
    }

    private static Path extractBundled() {
        try (InputStream binary = Ffmpeg.class.getResourceAsStream(BUNDLED)) {
            if (binary == null) {
                throw new IllegalStateException("no ffmpeg: set FFMPEG_PATH or install ffmpeg 4 or newer");
            }
            Path directory = Files.createTempDirectory("veza-ffmpeg-");
            Path target = directory.resolve("ffmpeg");
            Files.copy(binary, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            target.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled ffmpeg", e);
        }
    }

    @FunctionalInterface
    interface InputConsumer {
        void accept(InputStream in) throws IOException;
    }

    /** How ffmpeg ended: its exit code, the first lines it printed (the input's description) and the last ones. */
    record Result(int exitCode, List<String> head, List<String> tail) {

        String lastError() {
            for (int i = tail.size() - 1; i >= 0; i--) {
                String line = tail.get(i).trim();
                if (!line.isEmpty() && !line.startsWith("size=") && !line.startsWith("video:")) {
                    return line;
                }
            }
            return "ffmpeg exited with code " + exitCode;
        }

        boolean mentions(String text) {
            return tail.stream().anyMatch(line -> line.contains(text))
                    || head.stream().anyMatch(line -> line.contains(text));
        }
    }

    /** Keeps the first 200 and the last 50 lines ffmpeg writes to standard error, however much it writes. */
    private static final class StderrCollector implements Runnable {

        private final InputStream in;
        private final List<String> head = new ArrayList<>();
        private final Deque<String> tail = new ArrayDeque<>();

        StderrCollector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (this) {
                        if (head.size() < 200) {
                            head.add(line);
                        }
                        tail.addLast(line);
                        if (tail.size() > 50) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ended) {
                // the process is gone; what was read is kept
            }
        }

        synchronized List<String> head() {
            return List.copyOf(head);
        }

        synchronized List<String> tail() {
            return List.copyOf(tail);
        }
    }
}
