package fr.veza.bench;

import baseline.MinimalWebApplication;
import fr.veza.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start time and resident memory of Veza's jar on embedded defaults, next to the smallest Spring Boot web application
 * with one JDBC query on the same embedded PostgreSQL, same machine and JVM, as ratios (median of 5 starts each):
 * time from {@code java} to a healthy {@code /health}, the JVM's resident memory 2 s later, and again after a warm-up of
 * 300 requests, and once idle for 65 s. Veza starts on an empty data directory (its first start, with initdb) and on the one that start
 * left (a restart). The embedded PostgreSQL's own processes are not counted on either side.
 * Run with {@code ./mvnw -Pbenchmarks verify}; results in {@code target/benchmarks/startup.md}.
 */
class StartupBenchmark {

    private static final int STARTS = 5;
    private static final int WARM_UP = 300;
    private static final List<String> VEZA_PAGES = List.of("/health", "/", "/api/v1/search?q=night", "/legal/dmca");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Longer than two of the quiet periods after which Veza's heap gives memory back (HeapFootprint). */
    private static final Duration IDLE = Duration.ofSeconds(65);

    private static final Duration SETTLE = Duration.ofSeconds(2);

    record Start(double seconds, long residentAtStart, long residentAfterWarmUp, long residentIdle) {}

    @Test
    void measure() throws Exception {
        Path jar = vezaJar();
        List<Start> first = new ArrayList<>();
        List<Start> restart = new ArrayList<>();
        List<Start> minimal = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            Path dataDir =
                    Files.createTempDirectory(Path.of("target"), "startup-").toAbsolutePath();
            first.add(startVeza(jar, dataDir));
            restart.add(startVeza(jar, dataDir));
            Path baselineDir = Files.createTempDirectory(Path.of("target"), "startup-minimal-")
                    .toAbsolutePath();
            startMinimal(baselineDir); // its first start makes its database; the measured one is a restart
            minimal.add(startMinimal(baselineDir));
        }
        Start base = median(minimal);
        Start vezaFirst = median(first);
        Start vezaRestart = median(restart);
        String report = "# Start-up (median of " + STARTS + " starts, "
                + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ")\n\n"
                + "| | to healthy | resident 2 s later | after " + WARM_UP + " requests | then "
                + IDLE.toSeconds() + " s idle |\n|---|---|---|---|---|\n"
                + row("minimal Spring Boot web app + one JDBC query (baseline, restart)", base, base)
                + row("Veza jar, restart on its data directory", vezaRestart, base)
                + row("Veza jar, first start (empty data directory, initdb)", vezaFirst, base)
                + "\nEach start: " + spread(first, restart, minimal) + "\n";
        System.out.println(report);
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "startup.md"), report);
    }

    private Start startVeza(Path jar, Path dataDir) throws Exception {
        int port = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString());
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("VEZA_DATA_DIR", dataDir.toString());
        builder.environment().put("BACKUP_TARGET", dataDir + "-backups");
        return measure(builder, port, VEZA_PAGES);
    }

    private Start startMinimal(Path dataDir) throws Exception {
        int port = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder(
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                MinimalWebApplication.class.getName(),
                dataDir.resolve("postgres").toString());
        builder.environment().put("PORT", Integer.toString(port));
        return measure(builder, port, List.of("/health"));
    }

    private Start measure(ProcessBuilder builder, int port, List<String> pages) throws Exception {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            while (!healthy(port)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited with " + process.exitValue());
                }
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(180)) {
                    throw new AssertionError("the server was not healthy within 180 s");
                }
                Thread.sleep(25);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // health answers as soon as Tomcat listens, a moment before the start's last steps (Veza's heap
            // collection among them): the start is measured settled
            Thread.sleep(SETTLE.toMillis());
            long atStart = resident(process);
            for (int i = 0; i < WARM_UP; i++) {
                get(port, pages.get(i % pages.size()));
            }
            Thread.sleep(1000);
            long afterWarmUp = resident(process);
            Thread.sleep(IDLE.toMillis());
            return new Start(seconds, atStart, afterWarmUp, resident(process));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private boolean healthy(int port) {
        try {
            return get(port, "/health") == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** VmRSS of the JVM process, in bytes. */
    private static long resident(Process process) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            String line = lines.filter(l -> l.startsWith("VmRSS:")).findFirst().orElseThrow();
            return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
    }

    private static Path vezaJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("veza-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no target/veza-*.jar: run the package phase first"))
                    .toAbsolutePath();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Start median(List<Start> starts) {
        List<Double> seconds = new ArrayList<>();
        List<Long> atStart = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        List<Long> idle = new ArrayList<>();
        for (Start start : starts) {
            seconds.add(start.seconds());
            atStart.add(start.residentAtStart());
            after.add(start.residentAfterWarmUp());
            idle.add(start.residentIdle());
        }
        Collections.sort(seconds);
        Collections.sort(atStart);
        Collections.sort(after);
        Collections.sort(idle);
        int middle = starts.size() / 2;
        return new Start(seconds.get(middle), atStart.get(middle), after.get(middle), idle.get(middle));
    }

    private static String row(String name, Start start, Start base) {
        return "| " + name + " | " + String.format("%.1f s (%.2fx)", start.seconds(), start.seconds() / base.seconds())
                + " | " + megabytes(start.residentAtStart(), base.residentAtStart())
                + " | " + megabytes(start.residentAfterWarmUp(), base.residentAfterWarmUp())
                + " | " + megabytes(start.residentIdle(), base.residentIdle()) + " |\n";
    }

    private static String megabytes(long bytes, long base) {
        return String.format("%d MB (%.2fx)", bytes >> 20, (double) bytes / base);
    }

    private static String spread(List<Start> first, List<Start> restart, List<Start> minimal) {
        return "first starts " + secondsOf(first) + "; restarts " + secondsOf(restart) + "; baseline "
                + secondsOf(minimal);
    }

    private static String secondsOf(List<Start> starts) {
        return starts.stream()
                .map(s -> String.format("%.1f s", s.seconds()))
                .toList()
                .toString();
    }
}
