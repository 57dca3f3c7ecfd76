package fr.veza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** On shutdown the server stops taking work, finishes what is in flight, closes its stores, and exits 0. */
class GracefulShutdownIntegrationTests {

    static final CountDownLatch requestInside = new CountDownLatch(1);
    static final CountDownLatch workerInside = new CountDownLatch(1);
    static final AtomicBoolean workerFinished = new AtomicBoolean();

    @Test
    void inFlightRequestsAndWorkerItemsFinishBeforeTheStoresClose() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VezaApplication.class, InFlightWork.class)
                .profiles("test")
                .run("--veza.database.url=" + TestDatabase.jdbcUrl(), "--server.port=0", "--spring.jmx.enabled=false");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/slow"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(requestInside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workerInside.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        context.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(slow.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(slow.get().body()).isEqualTo("done");
        assertThat(workerFinished).isTrue();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void sigtermStopsTheServerWithExitCodeZero() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "sigterm-");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        VezaApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", TestDatabase.jdbcUrl());
        builder.environment().put("PORT", "0");
        builder.environment().put("VEZA_DATA_DIR", dataDir.toString());
        builder.environment().put("JWT_SECRET", "a-process-test-secret-of-enough-length");
        Process server = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                lines.add(line);
                if (!signalled && line.contains("Started VezaApplication")) {
                    // what an orchestrator sends; Process.destroy() would also close the output being read here
                    new ProcessBuilder("kill", "-TERM", Long.toString(server.pid()))
                            .start()
                            .waitFor();
                    signalled = true;
                }
            }
        }
        boolean exited = server.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            server.destroyForcibly();
        }

        assertThat(exited).as(String.join("\n", lines)).isTrue();
        assertThat(server.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(line -> line.contains("Graceful shutdown complete"));
        assertThat(lines).anyMatch(line -> line.contains("HikariPool") || line.contains("Shutdown completed"));
    }

    @Configuration(proxyBeanMethods = false)
    static class InFlightWork {

        @Bean
        SlowEndpoint slowEndpoint() {
            return new SlowEndpoint();
        }

        @Bean
        PeriodicWorker slowWorker() {
            return new PeriodicWorker() {
                @Override
                public String name() {
                    return "test-slow-worker";
                }

                @Override
                public Duration interval() {
                    return Duration.ofHours(1);
                }

                @Override
                public boolean runAtStartup() {
                    return true;
                }

                @Override
                public WorkReport run(WorkerRun run) {
                    workerInside.countDown();
                    sleep(1500);
                    workerFinished.set(true);
                    return new WorkReport(1, 0);
                }
            };
        }
    }

    @RestController
    static class SlowEndpoint {

        @GetMapping("/test/slow")
        String slow() {
            requestInside.countDown();
            sleep(1500);
            return "done";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
