package fr.veza.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier server left in the data directory when it died without stopping its PostgreSQL: the embedded
 * PostgreSQL runs detached from the JVM, so after a SIGKILL it keeps running, and after a power loss its
 * {@code postmaster.pid} stays behind. Either would stop the next start. Called only while holding
 * {@link EmbeddedPostgresLock}, which proves the server that started it is gone.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration FORCED_SHUTDOWN = Duration.ofSeconds(10);

    private LeftoverPostmaster() {}

    /** Stops a PostgreSQL still running on {@code dataDirectory}, or removes a stale pid file; else does nothing. */
    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = pidOf(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.get()).filter(LeftoverPostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            // PostgreSQL refuses to start when the recorded pid belongs to a live process, even an unrelated one
            log.warn(
                    "embedded PostgreSQL: removing stale postmaster.pid (pid {} is not a running PostgreSQL)",
                    pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn(
                "embedded PostgreSQL: pid {} was left running on {} by a server that stopped without shutting it"
                        + " down; stopping it",
                pid.get(),
                dataDirectory.toAbsolutePath());
        stop(postmaster.get());
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            log.warn("embedded PostgreSQL: removing unreadable postmaster.pid");
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static void stop(ProcessHandle postmaster) throws IOException {
        // SIGINT is PostgreSQL's fast shutdown: clients cut, data flushed, a clean stop without crash recovery
        signal(postmaster, "INT");
        if (exited(postmaster, FAST_SHUTDOWN)) {
            log.info("embedded PostgreSQL: the leftover server stopped cleanly");
            return;
        }
        log.warn("embedded PostgreSQL: the leftover server ignored a fast shutdown; killing it (WAL recovery follows)");
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!exited(postmaster, FORCED_SHUTDOWN)) {
            throw new IOException("the PostgreSQL left running (pid " + postmaster.pid() + ") could not be stopped");
        }
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        }
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
