package fr.veza.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.VezaApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Veza started as real processes of this test's classpath on data directories of their own, with the embedded
 * PostgreSQL, the way an operator runs it. {@link #close()} stops them the way an operator would (SIGTERM, so each
 * stops its PostgreSQL), then anything left over.
 */
public final class VezaProcesses implements AutoCloseable {

    private final List<VezaProcess> servers = new ArrayList<>();
    private final List<ProcessHandle> leftovers = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    /** A fresh data directory under {@code target}, cleaned up by {@link #close()} as far as processes go. */
    public Path dataDir(String name) throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target"), name + "-").toAbsolutePath();
        watch(dataDir);
        return dataDir;
    }

    /** A directory whose PostgreSQL is stopped at the end, whoever started it. */
    public void watch(Path dataDir) {
        dataDirs.add(dataDir);
    }

    public void adopt(ProcessHandle leftover) {
        leftovers.add(leftover);
    }

    /** Launches Veza and waits until it has started. */
    public VezaProcess start(Path dataDir, Map<String, String> env) throws IOException {
        VezaProcess server = launch(dataDir, env);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .failFast(() -> !server.process.isAlive())
                .until(() -> server.output().stream().anyMatch(line -> line.contains("Started VezaApplication")));
        return server;
    }

    public VezaProcess launch(Path dataDir, Map<String, String> env) throws IOException {
        int port = FreePorts.next();
        ProcessBuilder builder = java(List.of(VezaApplication.class.getName()));
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("VEZA_DATA_DIR", dataDir.toString());
        builder.environment().put("JWT_SECRET", "a-process-test-secret-of-enough-length");
        builder.environment().put("TRANSCODE_LEASE", "3s");
        builder.environment().put("TRANSCODE_POLL_INTERVAL", "1s");
        builder.environment().putAll(env);
        VezaProcess server = new VezaProcess(builder.start(), port);
        servers.add(server);
        return server;
    }

    /** Runs Veza's jar entry point with these arguments (a command such as {@code restore}) to its end. */
    public static Finished command(List<String> arguments, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(VezaApplication.class.getName());
        command.addAll(arguments);
        ProcessBuilder builder = java(command);
        builder.environment().putAll(env);
        VezaProcess run = new VezaProcess(builder.start(), 0);
        assertThat(run.process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Finished(run.process.exitValue(), String.join("\n", run.awaitOutput()));
    }

    public record Finished(int exitCode, String output) {}

    private static ProcessBuilder java(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** The password of every account {@link #signUp} makes. */
    public static final String PASSWORD = "correct horse battery";

    /** Registers an account on a running server and signs it in: its access token. */
    public static String signUp(Api api, String username, String role) {
        ApiResponse registered = api.post(
                "/api/v1/auth/register",
                Map.of("email", username + "@example.com", "username", username, "password", PASSWORD, "role", role));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return login(api, username);
    }

    public static String login(Api api, String login) {
        ApiResponse answer = api.post("/api/v1/auth/login", Map.of("login", login, "password", PASSWORD));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.field("access_token");
    }

    public static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        return Files.exists(pidFile)
                ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                : Optional.empty();
    }

    @Override
    public void close() throws Exception {
        for (VezaProcess server : servers) {
            server.stop();
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

    /** One running Veza, with everything it printed. */
    public static final class VezaProcess {
        public final Process process;
        public final int port;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        VezaProcess(Process process, int port) {
            this.process = process;
            this.port = port;
            this.reader = new Thread(this::read, "server-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        public List<String> output() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        List<String> awaitOutput() throws InterruptedException {
            reader.join(10_000);
            return output();
        }

        public Api api() {
            return new Api(port);
        }

        /** SIGKILL, the way an out-of-memory killer kills: no shutdown hook runs. */
        public void kill() throws Exception {
            new ProcessBuilder("kill", "-KILL", Long.toString(process.pid()))
                    .start()
                    .waitFor();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        /** SIGTERM, and the wait for a graceful stop. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
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
