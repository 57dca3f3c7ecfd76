package fr.veza.search;

import static fr.veza.search.PostgresSearchIntegrationTests.ids;
import static fr.veza.search.PostgresSearchIntegrationTests.suffix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.catalog.TrackChanged;
import fr.veza.support.ApiResponse;
import fr.veza.support.ApplicationTest;
import fr.veza.support.TestDatabase;
import fr.veza.support.TestOpenSearch;
import fr.veza.support.TestUser;
import fr.veza.support.ToggleableProxy;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search through a real OpenSearch node, reached through a relay the tests can cut to play an outage. The index
 * is fed by the event outbox, so every assertion on it waits for the (asynchronous) listener. The application
 * has a database of its own: the other test applications have no search indexer, and their event retry workers
 * must not be the ones that find this application's pending events.
 */
class OpenSearchIntegrationTests extends ApplicationTest {

    private static final String PREFIX = "veza-it";
    private static final ToggleableProxy RELAY = new ToggleableProxy("127.0.0.1", TestOpenSearch.port());
    private static final Duration INDEXED = Duration.ofSeconds(20);

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("veza.database.url", () -> TestDatabase.jdbcUrl("veza_opensearch"));
        registry.add("veza.search.engine", () -> "opensearch");
        registry.add("veza.search.opensearch-url", () -> "http://127.0.0.1:" + RELAY.port());
        registry.add("veza.search.index-prefix", () -> PREFIX);
        registry.add("veza.search.timeout", () -> "2s");
    }

    @AfterEach
    void reconnect() {
        RELAY.restore();
    }

    @Test
    void theIndexFollowsCommittedChangesWithTyposTolerated() throws Exception {
        String band = "Radiohead" + suffix();
        TestUser artist = register("artist");
        as(artist).patch("/api/v1/me", Map.of("display_name", band));
        UUID track = readyTrack(artist, "Working title", "public");
        as(artist).patch("/api/v1/tracks/" + track, Map.of("title", "Karma Police " + band));

        await().atMost(INDEXED).untilAsserted(() -> {
            ApiResponse found = api().get("/api/v1/search?q=karma+polise+" + band.replace("head", "hed"));
            assertThat(found.header("X-Search-Engine")).isEqualTo("opensearch");
            assertThat(ids(found)).contains(track.toString());
        });
        await().atMost(INDEXED)
                .untilAsserted(() -> assertThat(
                                ids(api().get("/api/v1/search?type=users&q=" + band.replace("head", "hed"))))
                        .contains(artist.id().toString()));
        // a slow answer from OpenSearch falls back to PostgreSQL: ask until OpenSearch itself answers
        await().atMost(INDEXED).untilAsserted(() -> {
            ApiResponse prefix = api().get("/api/v1/search?q=karm");
            assertThat(prefix.header("X-Search-Engine")).isEqualTo("opensearch");
            assertThat(ids(prefix)).contains(track.toString());
        });
        assertThat(document("tracks", track).get("title")).isEqualTo("Karma Police " + band);

        as(artist).delete("/api/v1/tracks/" + track);
        await().atMost(INDEXED)
                .untilAsserted(() -> assertThat(status("tracks", track)).isEqualTo(404));
    }

    @Test
    void aRolledBackChangeIsNeverIndexed() throws Exception {
        TestUser artist = register("artist");
        UUID committed = readyTrack(artist, "Committed " + suffix(), "public");
        UUID rolledBack = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO tracks (id, owner_id, title, visibility, status, file_path, original_format,"
                            + " ready_at) VALUES (:id, :owner, 'Never', 'public', 'ready', 'x', 'mp3', now())")
                    .param("id", rolledBack)
                    .param("owner", artist.id())
                    .update();
            events.publishEvent(new TrackChanged(rolledBack, artist.id()));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> events.publishEvent(new TrackChanged(committed, artist.id())));

        await().atMost(INDEXED)
                .untilAsserted(() -> assertThat(status("tracks", committed)).isEqualTo(200));
        assertThat(status("tracks", rolledBack)).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                        .param("id", "%" + rolledBack + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Two listeners may sync one track at once; the one that read earlier can write last. Its write is refused
     * as older than the document the index holds (here a document read "later" than any listener can), and its
     * event still completes instead of being retried for ever.
     */
    @Test
    void aWriteOfAnOlderReadNeverReplacesANewerDocument() throws Exception {
        TestUser artist = register("artist");
        UUID track = indexed(artist, "Indexed " + suffix(), "public");
        long later = (System.currentTimeMillis() + 3_600_000) * 1000;
        assertThat(http(
                                "PUT",
                                "/" + PREFIX + "-tracks/_doc/" + track + "?version=" + later
                                        + "&version_type=external&refresh=true",
                                "{\"title\":\"Read later\",\"visibility\":\"public\"}")
                        .statusCode())
                .isEqualTo(200);

        as(artist).patch("/api/v1/tracks/" + track, Map.of("title", "Read earlier"));

        await().atMost(INDEXED)
                .until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                        + " AND serialized_event LIKE :id")
                                .param("id", "%" + track + "%")
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(document("tracks", track).get("title")).isEqualTo("Read later");
    }

    @Test
    void privateAndUnlistedTracksAreFoundByTheirOwnerOnly() {
        String word = "Solitaire" + suffix();
        TestUser owner = register("artist");
        UUID open = indexed(owner, word + " open", "public");
        UUID hidden = indexed(owner, word + " hidden", "private");
        UUID unlisted = indexed(owner, word + " unlisted", "unlisted");

        assertThat(ids(api().get("/api/v1/search?q=" + word))).containsExactly(open.toString());
        assertThat(ids(as(register()).get("/api/v1/search?q=" + word))).containsExactly(open.toString());
        assertThat(ids(as(owner).get("/api/v1/search?q=" + word)))
                .containsExactlyInAnyOrder(open.toString(), hidden.toString(), unlisted.toString());
    }

    /** OpenSearch unreachable: search answers from PostgreSQL; once it is back, the outbox catches the index up. */
    @Test
    void anOutageFallsBackToPostgresAndTheIndexCatchesUp() {
        String word = "Blackout" + suffix();
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Before", "public");

        assertThat(searchHealth()).isEqualTo("UP");
        RELAY.cut();
        assertThat(searchHealth()).isEqualTo("DOWN");
        assertThat(as(artist)
                        .patch("/api/v1/tracks/" + track, Map.of("title", word))
                        .status())
                .isEqualTo(200);
        ApiResponse during = api().get("/api/v1/search?q=" + word);
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.header("X-Search-Engine")).isEqualTo("postgres");
        assertThat(ids(during)).containsExactly(track.toString());

        await().atMost(INDEXED).until(() -> backlog() > 0);

        RELAY.restore();
        await().atMost(INDEXED).untilAsserted(() -> {
            ApiResponse after = api().get("/api/v1/search?q=" + word);
            assertThat(after.header("X-Search-Engine")).isEqualTo("opensearch");
            assertThat(ids(after)).containsExactly(track.toString());
        });
        await().atMost(INDEXED).until(() -> backlog() == 0);
        assertThat(searchHealth()).isEqualTo("UP");
    }

    /** The search component of /health, which shows each store's state. */
    private String searchHealth() {
        return api().get("/health")
                .json()
                .get("components")
                .get("search")
                .get("status")
                .asText();
    }

    @Test
    void aFullReindexAddsMissedRowsAndRemovesStrayDocuments() throws Exception {
        String word = "Reindexed" + suffix();
        UUID missed = readyTrack(register("artist"), word, "public");
        UUID stray = UUID.randomUUID();
        put("tracks", stray, "{\"title\":\"" + word + " ghost\",\"visibility\":\"public\"}");

        assertThat(api().get("/api/v1/search?q=" + word).status()).isEqualTo(200);
        assertThat(as(register()).post("/api/v1/admin/search/reindex", null).status())
                .isEqualTo(403);
        TestUser admin = admin();
        ApiResponse started = as(admin).post("/api/v1/admin/search/reindex", null);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(INDEXED)
                .until(() -> "done"
                        .equals(as(admin).get("/api/v1/admin/search/reindex").field("state")));
        ApiResponse report = as(admin).get("/api/v1/admin/search/reindex");
        assertThat(report.json().get("indices").get("tracks").get("written").asLong())
                .isPositive();
        assertThat(report.json().get("indices").get("tracks").get("removed").asLong())
                .isPositive();

        assertThat(status("tracks", stray)).isEqualTo(404);
        assertThat(ids(api().get("/api/v1/search?q=" + word))).containsExactly(missed.toString());
    }

    /** The outbox backlog as the event retry worker last measured it. */
    private double backlog() {
        return meters.get("veza.events.incomplete").gauge().value();
    }

    private UUID indexed(TestUser owner, String title, String visibility) {
        UUID track = readyTrack(owner, "draft", visibility);
        as(owner).patch("/api/v1/tracks/" + track, Map.of("title", title));
        await().atMost(INDEXED)
                .untilAsserted(
                        () -> assertThat(document("tracks", track).get("title")).isEqualTo(title));
        refresh();
        return track;
    }

    private static int status(String type, UUID id) throws IOException, InterruptedException {
        return http("GET", "/" + PREFIX + "-" + type + "/_doc/" + id, null).statusCode();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String type, UUID id) throws IOException, InterruptedException {
        HttpResponse<String> response = http("GET", "/" + PREFIX + "-" + type + "/_doc/" + id, null);
        if (response.statusCode() != 200) {
            return Map.of();
        }
        return (Map<String, Object>) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(response.body(), Map.class)
                .get("_source");
    }

    private static void put(String type, UUID id, String json) throws IOException, InterruptedException {
        assertThat(http("PUT", "/" + PREFIX + "-" + type + "/_doc/" + id + "?refresh=true", json)
                        .statusCode())
                .isEqualTo(201);
    }

    private static void refresh() {
        try {
            http("POST", "/" + PREFIX + "-*/_refresh", "");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> http(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestOpenSearch.url() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
