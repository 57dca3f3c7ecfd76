package fr.veza.bench;

import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestUser;
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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/**
 * Catalog performance as ratios to baselines measured in the same run on the same machine:
 * <ul>
 *   <li>processing a 3-minute track (upload to ready) against one bare ffmpeg run that writes the same HLS;
 *   <li>serving HLS segments to 64 concurrent clients against a static file server (Tomcat's DefaultServlet)
 *       serving the same files.
 * </ul>
 * Run with {@code ./mvnw -Pbenchmarks verify}; results go to the console and {@code target/benchmarks/catalog.md}.
 */
class CatalogBenchmark extends CatalogTest {

    private static final int RUNS = 5;
    private static final int CONNECTIONS = 64;
    private static final Duration LOAD_TIME = Duration.ofSeconds(15);

    @Test
    void measure() throws Exception {
        Path track = threeMinuteTrack();
        TestUser artist = register("artist");
        Path binary = vezasFfmpeg();
        String version = version(binary);

        List<Double> veza = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        String trackId = null;
        for (int run = 0; run < RUNS; run++) {
            bare.add(bareFfmpeg(binary, track));
            long start = System.nanoTime();
            ApiResponse uploaded = upload(artist, track, Map.of("title", "Benchmark " + run));
            ApiResponse ready = uploaded;
            while ("processing".equals(ready.field("status"))) {
                Thread.sleep(20);
                ready = as(artist).get("/api/v1/tracks/" + uploaded.field("id"));
            }
            veza.add((System.nanoTime() - start) / 1e9);
            if (!"ready".equals(ready.field("status"))) {
                throw new AssertionError("benchmark track failed: " + ready);
            }
            trackId = ready.field("id");
        }
        double vezaSeconds = median(veza);
        double bareSeconds = median(bare);

        List<String> signedSegments = new ArrayList<>();
        List<String> staticSegments = new ArrayList<>();
        ApiResponse master = api().get("/api/v1/tracks/" + trackId + "/hls/master.m3u8");
        for (String variant : uris(master.text())) {
            signedSegments.addAll(uris(api().get(variant).text()));
        }
        Path blobRoot = applicationContext
                .getBean(fr.veza.platform.storage.StorageSettings.class)
                .localDir()
                .toRealPath();
        String prefix = jdbc.sql("SELECT hls_prefix FROM tracks WHERE id = CAST(:id AS uuid)")
                .param("id", trackId)
                .query(String.class)
                .single();
        try (var files = Files.walk(blobRoot.resolve(prefix))) {
            files.filter(Files::isRegularFile).forEach(f -> staticSegments.add("/" + blobRoot.relativize(f)));
        }
        Tomcat staticServer = staticServer(blobRoot);
        int staticPort = staticServer.getConnector().getLocalPort();
        double vezaRps = load("http://localhost:" + port, signedSegments);
        double staticRps = load("http://localhost:" + staticPort, staticSegments);
        staticServer.stop();
        staticServer.destroy();

        String report = String.format(
                "| measure | Veza | baseline | ratio |%n|---|---|---|---|%n"
                        + "| 3-minute track: upload to ready vs the same ffmpeg run alone (median of %d, s) | %.2f | %.2f | %.2fx |%n"
                        + "| HLS segments, %d connections, %ds (requests/s) | %.0f | %.0f | %.2fx |%n"
                        + "%nffmpeg: %s (%s); Veza %.2f-%.2f s, bare %.2f-%.2f s over the %d runs%n",
                RUNS,
                vezaSeconds,
                bareSeconds,
                vezaSeconds / bareSeconds,
                CONNECTIONS,
                LOAD_TIME.toSeconds(),
                vezaRps,
                staticRps,
                vezaRps / staticRps,
                binary,
                version,
                java.util.Collections.min(veza),
                java.util.Collections.max(veza),
                java.util.Collections.min(bare),
                java.util.Collections.max(bare),
                RUNS);
        System.out.println("\n" + report);
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "catalog.md"), report);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext applicationContext;

    /** Three minutes of stereo music-like sound (tones over pink noise), as a 192 kb/s MP3. */
    private static Path threeMinuteTrack() throws Exception {
        Path file = Path.of("target", "test-media", "bench-180s.mp3");
        if (!Files.exists(file)) {
            ffmpeg(List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    "anoisesrc=color=pink:amplitude=0.2:duration=180:sample_rate=44100",
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=220:duration=180:sample_rate=44100",
                    "-filter_complex",
                    "[0:a][1:a]amix=inputs=2,pan=stereo|c0=c0|c1=c0",
                    "-c:a",
                    "libmp3lame",
                    "-b:a",
                    "192k",
                    file.toString()));
        }
        return file;
    }

    /**
     * The ffmpeg Veza runs ({@code FFMPEG_PATH}, an ffmpeg on the PATH, or the bundled one), so the baseline is the
     * same program: the processing service's own choice, read from it.
     */
    private Path vezasFfmpeg() throws Exception {
        Object tool = applicationContext.getBean("ffmpeg");
        java.lang.reflect.Method executable = tool.getClass().getDeclaredMethod("executable");
        executable.setAccessible(true);
        return (Path) executable.invoke(tool);
    }

    private static String version(Path binary) throws Exception {
        Process process = new ProcessBuilder(binary.toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String first = new String(process.getInputStream().readAllBytes())
                .lines()
                .findFirst()
                .orElse("?");
        process.waitFor();
        return first.replaceFirst(" Copyright.*", "");
    }

    /**
     * The work of Veza's one ffmpeg pass for an MP3 (no lossless rendition), from a plain run of the same binary:
     * both HLS renditions, the waveform's PCM and the loudness scan, in seconds.
     */
    private static double bareFfmpeg(Path binary, Path input) throws Exception {
        Path out = Files.createTempDirectory("bench-hls-");
        long start = System.nanoTime();
        ffmpeg(
                binary,
                List.of(
                        "-i",
                        input.toString(),
                        "-map",
                        "0:a:0",
                        "-map",
                        "0:a:0",
                        "-vn",
                        "-c:a",
                        "aac",
                        "-ac",
                        "2",
                        "-ar",
                        "44100",
                        "-b:a:0",
                        "128k",
                        "-b:a:1",
                        "256k",
                        "-f",
                        "hls",
                        "-hls_time",
                        "6",
                        "-hls_playlist_type",
                        "vod",
                        "-hls_segment_type",
                        "mpegts",
                        "-var_stream_map",
                        "a:0,name:128k a:1,name:256k",
                        "-hls_segment_filename",
                        out.resolve("%v/seg_%05d.ts").toString(),
                        out.resolve("%v/index.m3u8").toString(),
                        "-map",
                        "0:a:0",
                        "-ac",
                        "1",
                        "-ar",
                        "8000",
                        "-f",
                        "s16le",
                        out.resolve("waveform.pcm").toString(),
                        "-map",
                        "0:a:0",
                        "-af",
                        "ebur128=peak=true:dualmono=true:framelog=verbose",
                        "-f",
                        "null",
                        "-"));
        double seconds = (System.nanoTime() - start) / 1e9;
        org.springframework.util.FileSystemUtils.deleteRecursively(out);
        return seconds;
    }

    private static void ffmpeg(Path binary, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed");
        }
    }

    private static void ffmpeg(List<String> args) throws Exception {
        fr.veza.support.TestMedia.tone(1, "mp3"); // unpacks the test ffmpeg
        List<String> command = new ArrayList<>(List.of(
                Path.of("target", "test-media", "ffmpeg").toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed");
        }
    }

    private static Tomcat staticServer(Path root) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bench-tomcat").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", root.toAbsolutePath().toString());
        Tomcat.addServlet(context, "static", new DefaultServlet());
        context.addServletMappingDecoded("/", "static");
        tomcat.getConnector();
        tomcat.start();
        return tomcat;
    }

    /** Requests per second that {@link #CONNECTIONS} clients achieve, each fetching the URLs round-robin. */
    private static double load(String base, List<String> paths) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : paths) { // warm-up
            check(client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(CONNECTIONS);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < CONNECTIONS; c++) {
            int offset = c;
            new Thread(() -> {
                        try {
                            for (int i = offset; !stop.get(); i++) {
                                String path = paths.get(i % paths.size());
                                check(client.send(
                                        HttpRequest.newBuilder(URI.create(base + path))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofByteArray()));
                                done.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.add(e);
                        } finally {
                            finished.countDown();
                        }
                    })
                    .start();
        }
        long start = System.nanoTime();
        Thread.sleep(LOAD_TIME.toMillis());
        stop.set(true);
        long count = done.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        finished.await();
        if (!errors.isEmpty()) {
            throw new AssertionError("load failed", errors.get(0));
        }
        return count / seconds;
    }

    private static void check(HttpResponse<?> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode() + " for " + response.uri());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
