package fr.veza.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.veza.support.ApiResponse;
import fr.veza.support.ApplicationTest;
import fr.veza.support.TestDatabase;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Error reports through Sentry's own SDK to a local endpoint standing in for Sentry's ingest: the object store
 * fails under an upload, the person gets a 503 naming the request, and Sentry receives the error with the
 * environment, the release, the request id and the person's id, and nothing personal (no email, address, token,
 * header value or query string). The same failure again and again is sent only the first times.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ErrorReportingIntegrationTests extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Path STORE;
    private static final HttpServer INGEST;

    static {
        try {
            STORE = Files.createTempDirectory("veza-reported-store");
            INGEST = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        INGEST.createContext("/api/42/envelope/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            RECEIVED.add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        INGEST.start();
    }

    @DynamicPropertySource
    static void sentry(DynamicPropertyRegistry registry) {
        registry.add(
                "sentry.dsn",
                () -> "http://f00dfeed@127.0.0.1:" + INGEST.getAddress().getPort() + "/42");
        registry.add("veza.database.url", TestDatabase::jdbcUrl);
        // an object store of its own, which the test takes away
        registry.add("veza.storage.local-dir", STORE::toString);
    }

    @AfterAll
    static void stopIngest() throws IOException {
        INGEST.stop(0);
        FileSystemUtils.deleteRecursively(STORE);
    }

    @Test
    void aFailingStoreIsReportedWithTheRequestIdAndThePersonsIdOnlyAndThenHeldBack() throws Exception {
        TestUser artist = register("artist");
        // the object store goes away: its directory is now a plain file, so every write fails
        FileSystemUtils.deleteRecursively(STORE);
        Files.writeString(STORE, "not a directory");
        Path tone = TestMedia.tone(2, "mp3");

        ApiResponse failed = as(artist)
                .with("Cookie", "veza_session=cookie-value-never-sent")
                .upload("/api/v1/tracks?token=query-secret-never-sent", Map.of("file", tone), Map.of("title", "Lost"));
        assertThat(failed.status()).isEqualTo(503);
        String requestId = failed.header("X-Request-Id");
        assertThat(failed.field("request_id")).isEqualTo(requestId);

        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> eventTagged(requestId), e -> e != null);
        assertThat(event.path("environment").asText()).isEqualTo("test");
        assertThat(event.path("release").asText()).isNotBlank();
        assertThat(event.path("level").asText()).isEqualTo("error");
        assertThat(event.path("logger").asText()).isEqualTo("fr.veza.platform.web.ApiExceptionHandler");
        assertThat(event.path("message").toString()).contains("Storage is unavailable");
        assertThat(event.path("exception").path("values")).isNotEmpty();
        assertThat(event.path("user").path("id").asText()).isEqualTo(artist.id().toString());
        assertThat(event.path("user").has("email")).isFalse();
        assertThat(event.path("user").has("ip_address")).isFalse();
        assertThat(event.path("user").has("username")).isFalse();
        String raw = event.toString();
        assertThat(raw)
                .doesNotContain(artist.email())
                .doesNotContain(artist.username())
                .doesNotContain(artist.accessToken())
                .doesNotContain("query-secret-never-sent")
                .doesNotContain("cookie-value-never-sent")
                .doesNotContain("127.0.0.1");
        JsonNode request = event.path("request");
        assertThat(request.has("query_string")).isFalse();
        assertThat(request.has("cookies")).isFalse();
        assertThat(request.has("data")).isFalse();
        request.path("headers")
                .fieldNames()
                .forEachRemaining(
                        name -> assertThat(name.toLowerCase()).isIn("content-type", "accept", "content-length"));

        // the store stays down: the same failure is sent the first times only
        for (int i = 0; i < ErrorReportScrubbing.FIRST_OF_A_KIND + 2; i++) {
            assertThat(as(artist)
                            .upload("/api/v1/tracks", Map.of("file", tone), Map.of("title", "Lost " + i))
                            .status())
                    .isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> uploadFailures() == ErrorReportScrubbing.FIRST_OF_A_KIND);
        Thread.sleep(2_000);
        assertThat(uploadFailures()).isEqualTo(ErrorReportScrubbing.FIRST_OF_A_KIND);
    }

    private static JsonNode eventTagged(String requestId) {
        return events().stream()
                .filter(event ->
                        requestId.equals(event.path("tags").path("request_id").asText()))
                .findFirst()
                .orElse(null);
    }

    private static long uploadFailures() {
        return events().stream()
                .filter(event -> event.path("logger").asText().endsWith("ApiExceptionHandler"))
                .count();
    }

    /** The error events among the envelopes received: one JSON document per line, events carry a level. */
    private static List<JsonNode> events() {
        return RECEIVED.stream()
                .flatMap(envelope -> envelope.lines())
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException notJson) {
                        return null;
                    }
                })
                .filter(node -> node != null && node.has("level") && node.has("event_id"))
                .toList();
    }
}
