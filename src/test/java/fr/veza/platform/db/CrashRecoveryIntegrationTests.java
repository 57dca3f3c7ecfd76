package fr.veza.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.TestMedia;
import fr.veza.support.VezaProcesses;
import fr.veza.support.VezaProcesses.VezaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
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

    private final VezaProcesses processes = new VezaProcesses();

    @AfterEach
    void stopEverything() throws Exception {
        processes.close();
    }

    @Test
    void afterSigkillTheNextStartStopsTheLeftoverPostgresAndFinishesTheInterruptedTrack() throws Exception {
        Path dataDir = processes.dataDir("crash");
        Path processingStarted = dataDir.resolveSibling(dataDir.getFileName() + ".ffmpeg-started");
        Path hangingFfmpeg = hangingFfmpeg(dataDir, processingStarted);

        VezaProcess first = processes.start(dataDir, Map.of("FFMPEG_PATH", hangingFfmpeg.toString()));
        Api api = new Api(first.port);
        String token = VezaProcesses.signUp(api, "crash-artist", "artist");
        ApiResponse playlist = api.bearer(token).post("/api/v1/playlists", Map.of("title", "Kept through a crash"));
        assertThat(playlist.status()).as(playlist.toString()).isEqualTo(201);
        ApiResponse upload = api.bearer(token)
                .upload(
                        "/api/v1/tracks",
                        Map.of("file", TestMedia.tone(4, "mp3")),
                        Map.of("title", "Cut mid-processing", "visibility", "public"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(processingStarted));

        long postgresPid = VezaProcesses.postmasterPid(dataDir).orElseThrow();
        List<ProcessHandle> ffmpeg =
                first.process.descendants().filter(p -> p.pid() != postgresPid).toList();
        ffmpeg.forEach(processes::adopt);
        first.kill();
        ffmpeg.forEach(ProcessHandle::destroyForcibly);
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlives a SIGKILL of its server")
                .contains(true);

        VezaProcess second = processes.start(
                dataDir,
                Map.of("FFMPEG_PATH", TestMedia.ffmpeg().toAbsolutePath().toString()));
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(second.output()).anyMatch(line -> line.contains("left running"));
        Api again = new Api(second.port);
        ApiResponse login =
                again.post("/api/v1/auth/login", Map.of("login", "crash-artist", "password", VezaProcesses.PASSWORD));
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

        VezaProcess intruder = processes.launch(dataDir, Map.of());
        assertThat(intruder.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(intruder.process.exitValue()).isNotZero();
        assertThat(String.join("\n", intruder.output())).contains("another Veza is running on " + dataDir);
        assertThat(again.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aStalePidFileLeftByAPowerLossDoesNotStopTheNextStart() throws Exception {
        Path dataDir = processes.dataDir("stale-pid");
        VezaProcess first = processes.start(dataDir, Map.of());
        VezaProcesses.signUp(new Api(first.port), "power-cut", "artist");
        first.kill();
        ProcessHandle.of(VezaProcesses.postmasterPid(dataDir).orElseThrow()).ifPresent(postgres -> {
            postgres.descendants().forEach(ProcessHandle::destroyForcibly);
            postgres.destroyForcibly();
            postgres.onExit().join();
        });
        // after a reboot the recorded pid often belongs to some other live process: here, this test's JVM
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        lines.set(0, Long.toString(ProcessHandle.current().pid()));
        Files.write(pidFile, lines);

        VezaProcess second = processes.start(dataDir, Map.of());
        ApiResponse login = new Api(second.port)
                .post("/api/v1/auth/login", Map.of("login", "power-cut", "password", VezaProcesses.PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(second.output()).anyMatch(line -> line.contains("stale postmaster.pid"));
    }

    @Test
    void aStartThatFailsAfterTheDatabaseCameUpStopsItAndTheNextStartWorks() throws Exception {
        Path dataDir = processes.dataDir("failed-start");
        // the database starts as soon as the configuration is read, on its own thread; the typed settings fail later
        VezaProcess failing = processes.launch(dataDir, Map.of("ACCESS_TOKEN_TTL", "-5m"));

        assertThat(failing.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(failing.process.exitValue()).isNotZero();
        assertThat(String.join("\n", failing.output())).contains("ACCESS_TOKEN_TTL");
        assertThat(VezaProcesses.postmasterPid(dataDir)
                        .flatMap(ProcessHandle::of)
                        .map(ProcessHandle::isAlive))
                .as("no PostgreSQL left running by the failed start")
                .isNotEqualTo(Optional.of(true));

        VezaProcess fixed = processes.start(dataDir, Map.of());
        assertThat(fixed.api().get("/health").status()).isEqualTo(200);
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
}
