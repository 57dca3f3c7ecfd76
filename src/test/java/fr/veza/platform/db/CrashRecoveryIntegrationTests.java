package fr.veza.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.VezaApplication;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.FreePorts;
import fr.veza.support.TestMedia;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Veza started as a real process on its embedded PostgreSQL, killed the way an out-of-memory killer kills (SIGKILL,
 * no shutdown hook), then started again on the same directory: it comes back by itself with everything it had
 * committed, finishes the work that was cut, and never lets two servers share one directory.
 */
class CrashRecoveryIntegrationTests {

    private final List<Server> servers = new ArrayList<>();
    private final List<ProcessHandle> leftovers = new ArrayList<>();

    private final List<Path> dataDirs = new ArrayList<>();

    /** Stops the servers the way an operator would (SIGTERM), so each stops its PostgreSQL; then any left over. */
    @AfterEach
    void stopEverything() throws Exception {
        for (Server server : servers) {
            server.process.destroy();
            if (!server.process.waitFor(40, TimeUnit.SECONDS)) {
                server.process.destroyForcibly();
            }
        }
        leftovers.forEach(ProcessHandle::destroyForcibly);
        for (Path dataDir : dataDirs) {
            Optional<Long> pid = postmasterPid(dataDir);
            if (pid.isPresent()) {
                ProcessHandle.of(pid.get()).ifPresent(postgres -> {
                    postgres.descendants().forEach(ProcessHandle::destroyForcibly);
                    postgres.destroyForcibly();
                });
            }
        }
    }

    @Test
    void afterSigkillTheNextStartStopsTheLeftoverPostgresAndFinishesTheInterruptedTrack() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-").toAbsolutePath();
        dataDirs.add(dataDir);
        Path processingStarted = dataDir.resolveSibling(dataDir.getFileName() + ".ffmpeg-started");
        Path hangingFfmpeg = hangingFfmpeg(dataDir, processingStarted);

        Server first = start(dataDir, Map.of("FFMPEG_PATH", hangingFfmpeg.toString()));
        Api api = new Api(first.port);
        String token = signUp(api, "crash-artist");
        ApiResponse playlist = api.bearer(token).post("/api/v1/playlists", Map.of("title", "Kept through a crash"));
        assertThat(playlist.status()).as(playlist.toString()).isEqualTo(201);
        ApiResponse upload = api.bearer(token)
                .upload(
                        "/api/v1/tracks",
                        Map.of("file", TestMedia.tone(4, "mp3")),
                        Map.of("title", "Cut mid-processing", "visibility", "public"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(processingStarted));

        long postgresPid = postmasterPid(dataDir).orElseThrow();
        first.process.descendants().filter(p -> p.pid() != postgresPid).forEach(leftovers::add);
        first.kill();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlives a SIGKILL of its server")
                .contains(true);

        Server second = start(
                dataDir,
                Map.of("FFMPEG_PATH", TestMedia.ffmpeg().toAbsolutePath().toString()));
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(second.output()).anyMatch(line -> line.contains("left running"));
        Api again = new Api(second.port);
        ApiResponse login = again.post("/api/v1/auth/login", Map.of("login", "crash-artist", "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String newToken = login.field("access_token");
        assertThat(again.bearer(newToken)
                        .get("/api/v1/playlists/" + playlist.field("id"))
                        .field("title"))
                .isEqualTo("Kept through a crash");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(again.get("/api/v1/tracks/" + upload.field("id"))
                                .field("status"))
                        .isEqualTo("ready"));

        Server intruder = launch(dataDir, Map.of());
        assertThat(intruder.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(intruder.process.exitValue()).isNotZero();
        assertThat(String.join("\n", intruder.output())).contains("another Veza is running on " + dataDir);
        assertThat(again.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aStalePidFileLeftByAPowerLossDoesNotStopTheNextStart() throws Exception {
        Path dataDir =
                Files.createTempDirectory(Path.of("target"), "stale-pid-").toAbsolutePath();
        dataDirs.add(dataDir);
        Server first = start(dataDir, Map.of());
        signUp(new Api(first.port), "power-cut");
        first.kill();
        ProcessHandle.of(postmasterPid(dataDir).orElseThrow()).ifPresent(postgres -> {
            postgres.descendants().forEach(ProcessHandle::destroyForcibly);
            postgres.destroyForcibly();
            postgres.onExit().join();
        });
        // after a reboot the recorded pid often belongs to some other live process: here, this test's JVM
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        lines.set(0, Long.toString(ProcessHandle.current().pid()));
        Files.write(pidFile, lines);

        Server second = start(dataDir, Map.of());
        ApiResponse login =
                new Api(second.port).post("/api/v1/auth/login", Map.of("login", "power-cut", "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(second.output()).anyMatch(line -> line.contains("stale postmaster.pid"));
    }

    private static final String PASSWORD = "correct horse battery";

    private static String signUp(Api api, String username) {
        ApiResponse registered = api.post(
                "/api/v1/auth/register",
                Map.of(
                        "email",
                        username + "@example.com",
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "role",
                        "artist"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        ApiResponse login = api.post("/api/v1/auth/login", Map.of("login", username, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.field("access_token");
    }

    /** An ffmpeg that answers the version probe and then hangs, so processing is in flight when the kill comes. */
    private static Path hangingFfmpeg(Path dataDir, Path started) throws IOException {
        Path script = dataDir.resolveSibling(dataDir.getFileName() + ".ffmpeg.sh");
        Files.writeString(script, """
                #!/bin/sh
                for arg in "$@"; do
                  if [ "$arg" = "-version" ]; then exec "%s" -version; fi
                done
                touch "%s"
                exec sleep 600
                """.formatted(TestMedia.ffmpeg().toAbsolutePath(), started));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        return Files.exists(pidFile)
                ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                : Optional.empty();
    }

    private Server start(Path dataDir, Map<String, String> env) throws Exception {
        Server server = launch(dataDir, env);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .failFast(() -> !server.process.isAlive())
                .until(() -> server.output().stream().anyMatch(line -> line.contains("Started VezaApplication")));
        return server;
    }

    private Server launch(Path dataDir, Map<String, String> env) throws IOException {
        int port = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        VezaApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("VEZA_DATA_DIR", dataDir.toString());
        builder.environment().put("JWT_SECRET", "a-process-test-secret-of-enough-length");
        builder.environment().put("TRANSCODE_LEASE", "3s");
        builder.environment().put("TRANSCODE_POLL_INTERVAL", "1s");
        builder.environment().putAll(env);
        Server server = new Server(builder.start(), port);
        servers.add(server);
        return server;
    }

    private static final class Server {
        final Process process;
        final int port;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Server(Process process, int port) {
            this.process = process;
            this.port = port;
            Thread reader = new Thread(this::read, "server-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        List<String> output() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        void kill() throws Exception {
            new ProcessBuilder("kill", "-KILL", Long.toString(process.pid()))
                    .start()
                    .waitFor();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone; what it said is kept
            }
        }
    }
}
