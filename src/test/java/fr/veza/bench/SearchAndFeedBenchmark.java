package fr.veza.bench;

import fr.veza.VezaApplication;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestDatabase;
import fr.veza.support.TestOpenSearch;
import fr.veza.support.TestUser;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search and feed on a generated catalogue of 100,000 tracks by 10,000 artists, through HTTP, on both search
 * engines: a PostgreSQL-search instance (this test's application) and an OpenSearch instance (a second
 * application on the same database, its indices filled by the reindex command). Each scenario runs {@link
 * #CLIENTS} concurrent clients for {@link #LOAD_TIME}; throughput is reported as a ratio to the baseline, a
 * single-track read ({@code GET /api/v1/tracks/{id}}) through the same stack in the same run. The web app's pages
 * (home, a track, an artist, search) are measured on the same data against the same baseline.
 *
 * <p>Run with {@code ./mvnw -Pbenchmarks verify}; results go to the console and {@code
 * target/benchmarks/search-feed.md}.
 */
class SearchAndFeedBenchmark extends IntegrationTest {

    private static final int ARTISTS = 10_000;
    private static final int TRACKS = 100_000;
    private static final int LISTENERS = 32;
    private static final int FOLLOWS_PER_LISTENER = 100;
    private static final int CLIENTS = 16;
    private static final Duration LOAD_TIME = Duration.ofSeconds(15);
    private static final List<String> WORDS = List.of(
            "midnight",
            "river",
            "echo",
            "neon",
            "velvet",
            "summer",
            "ghost",
            "golden",
            "electric",
            "silver",
            "ocean",
            "paper",
            "crystal",
            "shadow",
            "wild",
            "broken",
            "lonely",
            "dream",
            "fire",
            "winter",
            "honey",
            "thunder",
            "secret",
            "city",
            "lights",
            "heart",
            "stone",
            "desert",
            "rain",
            "highway",
            "moon",
            "sun",
            "garden",
            "machine",
            "island",
            "mirror",
            "orchid",
            "satellite",
            "signal",
            "static",
            "tide",
            "valley",
            "violet",
            "wave",
            "western",
            "whisper",
            "wolf",
            "young",
            "zero",
            "amber",
            "anthem",
            "atlas",
            "aurora",
            "ballad",
            "bloom",
            "blue",
            "canyon",
            "cathedral",
            "cherry",
            "cinder",
            "cloud",
            "comet",
            "coral",
            "cosmic",
            "dawn",
            "delta",
            "diamond",
            "dust",
            "ember",
            "empire",
            "fable",
            "falcon",
            "feather",
            "forest",
            "fountain",
            "glass",
            "harbor",
            "horizon",
            "hymn",
            "ivory",
            "jasmine",
            "jungle",
            "kingdom",
            "lantern",
            "lullaby",
            "marble",
            "meadow",
            "meteor",
            "monsoon",
            "nova",
            "oasis",
            "phantom",
            "prism",
            "quartz",
            "radio",
            "raven",
            "saffron",
            "serenade",
            "solstice",
            "spiral",
            "storm",
            "tempest",
            "twilight",
            "umbra",
            "vapor");
    private static final List<String> QUERIES = List.of(
            "midnight river",
            "neon",
            "velvet sumer",
            "ghost",
            "golden electr",
            "silver ocean",
            "crystl",
            "shadow",
            "wild heart",
            "thunder",
            "secret city",
            "moon",
            "desert rain",
            "highw",
            "satellite signal",
            "aurora",
            "cathedral",
            "comet",
            "diamnd dust",
            "empire",
            "falcon",
            "horizon",
            "lullaby",
            "meteor",
            "phantom prism");

    @Test
    void measure() throws Exception {
        generateCatalogue();
        List<TestUser> listeners = listenersFollowingArtists();
        List<UUID> sampleTracks = jdbc.sql(
                        "SELECT id FROM tracks WHERE visibility = 'public' AND status = 'ready' ORDER BY id LIMIT 1000")
                .query(UUID.class)
                .list();

        ConfigurableApplicationContext opensearch = openSearchInstance();
        try {
            int opensearchPort =
                    ((WebServerApplicationContext) opensearch).getWebServer().getPort();
            long reindexStart = System.nanoTime();
            var reindexer = opensearch.getBean(fr.veza.search.internal.SearchReindexer.class);
            if (!reindexer.start()) {
                throw new AssertionError("a reindex is already running");
            }
            while (reindexer.lastRun().orElseThrow().state()
                    == fr.veza.search.internal.SearchReindexer.Run.State.RUNNING) {
                Thread.sleep(500);
            }
            if (reindexer.lastRun().orElseThrow().state() != fr.veza.search.internal.SearchReindexer.Run.State.DONE) {
                throw new AssertionError("reindex failed: " + reindexer.lastRun());
            }
            double reindexSeconds = (System.nanoTime() - reindexStart) / 1e9;
            String pg = "http://localhost:" + port;
            String os = "http://localhost:" + opensearchPort;

            List<Result> results = new ArrayList<>();
            Result baseline = load(
                    "GET /api/v1/tracks/{id} (baseline)",
                    i -> request(pg + "/api/v1/tracks/" + sampleTracks.get(i % sampleTracks.size()), null));
            results.add(baseline);
            results.add(load(
                    "GET /api/v1/search?type=tracks, PostgreSQL",
                    i -> request(
                            pg + "/api/v1/search?q="
                                    + QUERIES.get(i % QUERIES.size()).replace(' ', '+'),
                            null)));
            results.add(load(
                    "GET /api/v1/search?type=tracks, OpenSearch",
                    i -> request(
                            os + "/api/v1/search?q="
                                    + QUERIES.get(i % QUERIES.size()).replace(' ', '+'),
                            null)));
            results.add(load(
                    "GET /api/v1/search?type=users, PostgreSQL",
                    i -> request(
                            pg + "/api/v1/search?type=users&q="
                                    + QUERIES.get(i % QUERIES.size()).replace(' ', '+'),
                            null)));
            results.add(load(
                    "GET /api/v1/search?type=users, OpenSearch",
                    i -> request(
                            os + "/api/v1/search?type=users&q="
                                    + QUERIES.get(i % QUERIES.size()).replace(' ', '+'),
                            null)));
            results.add(load(
                    "GET /api/v1/feed, first page (cached)",
                    i -> request(
                            pg + "/api/v1/feed",
                            listeners.get(i % listeners.size()).accessToken())));
            List<String> secondPages = new ArrayList<>();
            for (TestUser listener : listeners) {
                secondPages.add(as(listener).get("/api/v1/feed").field("next_cursor"));
            }
            results.add(load(
                    "GET /api/v1/feed?cursor=, second page (database)",
                    i -> request(
                            pg + "/api/v1/feed?cursor=" + secondPages.get(i % listeners.size()),
                            listeners.get(i % listeners.size()).accessToken())));

            // pages, rendered on the server for a visitor's browser, against the same baseline
            List<String> artists = jdbc.sql(
                            "SELECT username FROM users WHERE email LIKE '%@bench.test' ORDER BY id" + " LIMIT 1000")
                    .query(String.class)
                    .list();
            results.add(load("page: home /", i -> page(pg + "/")));
            results.add(load(
                    "page: track /tracks/{id}",
                    i -> page(pg + "/tracks/" + sampleTracks.get(i % sampleTracks.size()))));
            results.add(load("page: artist /@{username}", i -> page(pg + "/@" + artists.get(i % artists.size()))));
            results.add(load(
                    "page: search /search?q=, PostgreSQL",
                    i -> page(
                            pg + "/search?q=" + QUERIES.get(i % QUERIES.size()).replace(' ', '+'))));
            results.add(load(
                    "page: search /search?q=, OpenSearch",
                    i -> page(
                            os + "/search?q=" + QUERIES.get(i % QUERIES.size()).replace(' ', '+'))));

            StringBuilder report = new StringBuilder(String.format(
                    "%d tracks, %d artists, %d clients, %ds per scenario; full OpenSearch reindex: %.0f s%n%n"
                            + "| scenario | requests/s | p99 (ms) | throughput vs baseline |%n|---|---|---|---|%n",
                    TRACKS, ARTISTS, CLIENTS, LOAD_TIME.toSeconds(), reindexSeconds));
            for (Result result : results) {
                report.append(String.format(
                        "| %s | %.0f | %.1f | %.2fx |%n",
                        result.name(),
                        result.perSecond(),
                        result.p99Millis(),
                        result.perSecond() / baseline.perSecond()));
            }
            System.out.println("\n" + report);
            Files.createDirectories(Path.of("target", "benchmarks"));
            Files.writeString(Path.of("target", "benchmarks", "search-feed.md"), report.toString());
        } finally {
            opensearch.close();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /** In one transaction, so the seed holds for every statement: the same catalogue on every run. */
    /**
     * Then vacuumed, as autovacuum leaves a table that has settled: measured straight after a bulk load, every index
     * read would also fetch the row to learn whether it is visible.
     */
    private void generateCatalogue() {
        transactions.executeWithoutResult(status -> insertCatalogue());
        jdbc.sql("VACUUM ANALYZE").update();
    }

    private void insertCatalogue() {
        String words = "ARRAY['" + String.join("','", WORDS) + "']";
        int n = WORDS.size();
        jdbc.sql("SELECT setseed(0.42)").query(rs -> {});
        jdbc.sql("""
                        INSERT INTO users (id, email, username, display_name, password_hash, role)
                        SELECT gen_random_uuid(), 'artist' || i || '@bench.test', 'artist_' || i,
                               initcap(w[1 + floor(random() * :n)::int] || ' ' || w[1 + floor(random() * :n)::int]),
                               'not a hash: benchmark accounts cannot log in', 'artist'
                        FROM generate_series(1, :artists) i, (SELECT %s AS w) words
                        """.formatted(words)).param("n", n).param("artists", ARTISTS).update();
        jdbc.sql("""
                        INSERT INTO tracks (id, owner_id, title, genre, tags, visibility, status, file_path,
                                            original_format, duration_ms, play_count, created_at, ready_at)
                        SELECT gen_random_uuid(), a.ids[1 + floor(random() * :artists)::int],
                               initcap(w[1 + floor(random() * :n)::int] || ' ' || w[1 + floor(random() * :n)::int]
                                       || CASE WHEN random() < 0.5 THEN ' ' || w[1 + floor(random() * :n)::int] ELSE '' END),
                               (ARRAY['rock','pop','electronic','jazz','folk','hip-hop','ambient','classical'])[1 + floor(random() * 8)::int],
                               ARRAY[w[1 + floor(random() * :n)::int]],
                               CASE WHEN random() < 0.9 THEN 'public' WHEN random() < 0.5 THEN 'unlisted' ELSE 'private' END,
                               'ready', 'bench/' || i, 'mp3', 180000, floor(random() * 10000)::int,
                               now() - random() * interval '365 days', now() - random() * interval '365 days'
                        FROM generate_series(1, :tracks) i,
                             (SELECT %s AS w) words,
                             (SELECT array_agg(id) AS ids FROM users WHERE email LIKE '%%@bench.test') a
                        """.formatted(words))
                .param("n", n)
                .param("artists", ARTISTS)
                .param("tracks", TRACKS)
                .update();
    }

    private List<TestUser> listenersFollowingArtists() {
        List<TestUser> listeners = new ArrayList<>();
        for (int i = 0; i < LISTENERS; i++) {
            TestUser listener = register();
            jdbc.sql("""
                            INSERT INTO user_follows (follower_id, following_id)
                            SELECT :listener, id FROM users WHERE email LIKE '%@bench.test' ORDER BY random() LIMIT :n
                            """)
                    .param("listener", listener.id())
                    .param("n", FOLLOWS_PER_LISTENER)
                    .update();
            listeners.add(listener);
        }
        return listeners;
    }

    private static ConfigurableApplicationContext openSearchInstance() {
        return new SpringApplicationBuilder(VezaApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--veza.workers.enabled=false",
                        "--veza.database.url=" + TestDatabase.jdbcUrl(),
                        "--veza.search.engine=opensearch",
                        "--veza.search.opensearch-url=" + TestOpenSearch.url(),
                        "--veza.search.index-prefix=bench");
    }

    private static HttpRequest request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** A page as a browser asks for it. */
    private static HttpRequest page(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/xhtml+xml")
                .build();
    }

    private record Result(String name, double perSecond, double p99Millis) {}

    /** {@link #CLIENTS} clients sending requests back to back; the request number picks the next request. */
    private static Result load(String name, IntFunction<HttpRequest> requests) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 100; i++) { // warm-up
            check(client.send(requests.apply(i), HttpResponse.BodyHandlers.discarding()));
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c * 7919;
            Thread thread = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    for (int i = offset; !stop.get(); i++) {
                        long start = System.nanoTime();
                        check(client.send(requests.apply(i), HttpResponse.BodyHandlers.ofByteArray()));
                        mine.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    errors.add(e);
                } finally {
                    latencies.addAll(mine);
                    finished.countDown();
                }
            });
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep(LOAD_TIME.toMillis());
        stop.set(true);
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty()) {
            throw new AssertionError(name + ": load failed", errors.get(0));
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        return new Result(name, sorted.size() / seconds, p99);
    }

    private static void check(HttpResponse<?> response) throws java.io.IOException {
        if (response.statusCode() != 200) {
            throw new java.io.IOException("status " + response.statusCode() + " for " + response.uri());
        }
    }
}
