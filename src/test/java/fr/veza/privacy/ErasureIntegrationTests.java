package fr.veza.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.Api;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestDatabase;
import fr.veza.support.TestOpenSearch;
import fr.veza.support.TestRedis;
import fr.veza.support.TestUser;
import fr.veza.support.ToggleableProxy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hard-delete worker against real PostgreSQL, Redis and OpenSearch: a closed account past its deadline is
 * erased from every store, other people's data untouched; a store that is down or an index that fails leaves the
 * rest done and is finished by a later run; a second run changes nothing. The application has a database of its own
 * so that its outbox and its erasure queue hold only this class's rows.
 */
class ErasureIntegrationTests extends IntegrationTest {

    private static final String PREFIX = "veza-erasure";
    private static final ToggleableProxy RELAY = new ToggleableProxy("127.0.0.1", TestOpenSearch.port());
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redisConnection;

    @Autowired
    List<PeriodicWorker> workers;

    TestUser gone;
    TestUser other;
    UUID publicTrack;
    UUID privateTrack;
    UUID playlist;
    UUID othersTrack;
    UUID othersPlaylist;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("veza.database.url", () -> TestDatabase.jdbcUrl("veza_erasure"));
        registry.add("veza.platform.redis-url", TestRedis::url);
        registry.add("veza.search.engine", () -> "opensearch");
        registry.add("veza.search.opensearch-url", () -> "http://127.0.0.1:" + RELAY.port());
        registry.add("veza.search.index-prefix", () -> PREFIX);
        registry.add("veza.search.timeout", () -> "2s");
    }

    @BeforeAll
    static void connect() {
        redisClient = RedisClient.create(TestRedis.url());
        redisConnection = redisClient.connect();
    }

    @AfterAll
    static void disconnect() {
        redisConnection.close();
        redisClient.shutdown();
    }

    @AfterEach
    void storesBack() throws Exception {
        RELAY.restore();
        TestRedis.restart();
        http("POST", "/" + PREFIX + "-tracks/_open", "");
        // a reopened index takes a moment to accept writes again; the next test's setup writes to it
        assertThat(http("GET", "/_cluster/health/" + PREFIX + "-tracks?wait_for_status=yellow&timeout=60s", null)
                        .statusCode())
                .as("the tracks index is back")
                .isEqualTo(200);
    }

    @BeforeEach
    void aClosedAccountPastItsDeadline() throws Exception {
        Timestamp setupStarted = jdbc.sql("SELECT now()").query(Timestamp.class).single();
        gone = register("artist");
        other = register("artist");
        publicTrack = readyTrack(gone, "Mine public", "public");
        privateTrack = readyTrack(gone, "Mine private", "private");
        othersTrack = readyTrack(other, "Theirs", "public");
        playlist = UUID.fromString(as(gone).post("/api/v1/playlists", Map.of("title", "My mix", "visibility", "public"))
                .field("id"));
        othersPlaylist = UUID.fromString(as(other)
                .post("/api/v1/playlists", Map.of("title", "Their mix", "visibility", "public"))
                .field("id"));
        as(gone).put("/api/v1/users/" + other.id() + "/follow", null);
        as(other).put("/api/v1/users/" + gone.id() + "/follow", null);
        as(gone).put("/api/v1/tracks/" + othersTrack + "/like", null);
        String comment = as(gone).post("/api/v1/tracks/" + othersTrack + "/comments", Map.of("body", "nice"))
                .field("id");
        // a report they made, and a decision about what they wrote
        as(gone).post("/api/v1/reports", Map.of("target_type", "track", "target_id", othersTrack, "reason", "spam"));
        String report = as(other)
                .post("/api/v1/reports", Map.of("target_type", "comment", "target_id", comment, "reason", "spam"))
                .field("id");
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + report + "/hide", null)
                        .status())
                .isEqualTo(200);
        String room = as(gone).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", other.id()))
                .field("id");
        as(gone).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "hi"));
        as(other).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "hello"));
        as(gone).post("/api/v1/gear", Map.of("name", "Old amp"));
        // a browser turned on for notifications, and when Veza was last open
        jdbc.sql("""
                        INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth)
                        VALUES (gen_random_uuid(), :id, 'https://push.example/' || :id, 'key', 'auth')""").param("id", gone.id()).update();
        jdbc.sql("INSERT INTO chat_presence (user_id, last_seen_at) VALUES (:id, now()) ON CONFLICT DO NOTHING")
                .param("id", gone.id())
                .update();
        String player = as(gone).post("/api/v1/me/app-passwords", Map.of("name", "Old phone"))
                .field("password");
        // an album starred in a music app: Subsonic keeps album stars in a table of its own
        assertThat(api().get("/rest/star?f=json&u=" + gone.username() + "&p=" + player + "&albumId=al-"
                                + albumOf(othersTrack))
                        .json()
                        .get("subsonic-response")
                        .get("status")
                        .asText())
                .isEqualTo("ok");

        assertThat(as(gone).send(
                                "DELETE",
                                "/api/v1/me",
                                "application/json",
                                Api.json(Map.of("password", gone.password(), "keep_public_tracks", false)))
                        .status())
                .isEqualTo(202);
        jdbc.sql("UPDATE users SET recovery_deadline = now() - interval '1 minute' WHERE id = :id")
                .param("id", gone.id())
                .update();
        // what the index and the cache still hold, as if their updates had been missed
        listenersDone(setupStarted);
        for (var doc : Map.of(
                        "users/" + gone.id(), "{\"username\":\"gone\"}",
                        "users/" + other.id(), "{\"username\":\"other\"}",
                        "tracks/" + publicTrack, "{\"title\":\"Mine public\"}",
                        "tracks/" + privateTrack, "{\"title\":\"Mine private\"}",
                        "tracks/" + othersTrack, "{\"title\":\"Theirs\"}",
                        "playlists/" + playlist, "{\"title\":\"My mix\"}",
                        "playlists/" + othersPlaylist, "{\"title\":\"Their mix\"}")
                .entrySet()) {
            int status = http(
                            "PUT",
                            "/" + PREFIX + "-" + doc.getKey().replace("/", "/_doc/") + "?refresh=true",
                            doc.getValue())
                    .statusCode();
            assertThat(status).isIn(200, 201);
        }
        seedCache();
    }

    /**
     * Waits until every event published since {@code since} reached its listeners, so that none of them rewrites
     * the documents seeded next. Earlier tests' events concern earlier people only; some of them may still be
     * waiting for a store those tests cut off.
     */
    void listenersDone(Timestamp since) {
        String waiting = """
                SELECT listener_id || ' ' || event_type || ' since ' || publication_date
                FROM event_publication WHERE completion_date IS NULL AND publication_date >= :since
                """;
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> jdbc.sql(waiting)
                            .param("since", since)
                            .query(String.class)
                            .list()
                            .isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "events still waiting for their listeners: "
                            + jdbc.sql(waiting)
                                    .param("since", since)
                                    .query(String.class)
                                    .list(),
                    e);
        }
    }

    /** 4 fixed keys and 150 more (several SCAN rounds at COUNT 100), and 4 keys that are not the person's. */
    void seedCache() {
        RedisCommands<String, String> redis = redisConnection.sync();
        for (String name : List.of("profile", "feed", "settings", "session:abc")) {
            redis.set("user:" + gone.id() + ":" + name, "x");
        }
        for (int i = 0; i < 150; i++) {
            redis.set("user:" + gone.id() + ":bulk:" + i, "x");
        }
        redis.set("user:" + other.id() + ":profile", "x");
        redis.set("user:" + other.id() + ":feed", "x");
        redis.set("global:stats", "x");
        redis.set("ratelimit:" + gone.id(), "x");
    }

    long cacheKeysOfGone() {
        return redisConnection.sync().keys("user:" + gone.id() + ":*").size();
    }

    WorkReport runWorker() {
        PeriodicWorker worker = workers.stream()
                .filter(w -> w.name().equals("hard-delete"))
                .findFirst()
                .orElseThrow();
        return worker.run(new WorkerRun(Instant.now(), () -> false));
    }

    List<String> pendingStores() {
        return jdbc.sql("SELECT pending_stores FROM account_erasures WHERE user_id = :id")
                .param("id", gone.id())
                .query((rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
                .single();
    }

    int count(String sql) {
        return jdbc.sql(sql).param("id", gone.id()).query(Integer.class).single();
    }

    @Test
    void everyStoreIsErasedAndOtherPeoplesDataIsUntouched() throws Exception {
        assertThat(cacheKeysOfGone()).isEqualTo(154);

        WorkReport report = runWorker();

        assertThat(report.processed()).isEqualTo(1);
        assertThat(report.failed()).isZero();
        // PostgreSQL
        Map<String, Object> user = jdbc.sql(
                        "SELECT password_hash, email_hash, recovery_deadline, erased_at" + " FROM users WHERE id = :id")
                .param("id", gone.id())
                .query()
                .singleRow();
        assertThat(user.get("password_hash")).isEqualTo("");
        assertThat(user.get("email_hash")).isNull();
        assertThat(user.get("recovery_deadline")).isNull();
        assertThat(user.get("erased_at")).isNotNull();
        assertThat(count("SELECT count(*) FROM user_profiles WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM user_sessions WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM user_settings WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM app_passwords WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM subsonic_album_stars WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM user_follows WHERE follower_id = :id OR following_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM notifications WHERE user_id = :id OR actor_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE user_id = :id")).isZero();
        assertThat(count("SELECT count(*) FROM track_likes WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM track_comments WHERE author_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM moderation_reports WHERE reporter_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM moderation_decisions WHERE author_id = :id"))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM moderation_decisions d JOIN moderation_reports r"
                                + " ON r.decision_id = d.id WHERE r.reporter_id = :other AND d.action = 'hide'")
                        .param("other", other.id())
                        .query(Integer.class)
                        .single())
                .as("the decision stays, anonymised, with the other person's report")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM playlists WHERE owner_id = :id")).isZero();
        assertThat(count("SELECT count(*) FROM chat_messages WHERE author_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM chat_members WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM push_subscriptions WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM chat_presence WHERE user_id = :id"))
                .isZero();
        assertThat(count("SELECT count(*) FROM gear_items WHERE owner_id = :id"))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM chat_messages WHERE author_id = :id")
                        .param("id", other.id())
                        .query(Integer.class)
                        .single())
                .as("the other person's messages stay theirs")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tracks WHERE owner_id = :id AND deleted_at IS NULL"))
                .isZero();
        assertThat(jdbc.sql("SELECT followers FROM user_follow_counts WHERE user_id = :id")
                        .param("id", other.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT likes FROM track_like_counts WHERE track_id = :id")
                        .param("id", othersTrack)
                        .query(Long.class)
                        .single())
                .isZero();
        // Redis
        assertThat(cacheKeysOfGone()).isZero();
        RedisCommands<String, String> redis = redisConnection.sync();
        assertThat(redis.exists(
                        "user:" + other.id() + ":profile",
                        "user:" + other.id() + ":feed",
                        "global:stats",
                        "ratelimit:" + gone.id()))
                .isEqualTo(4);
        // OpenSearch
        assertThat(status("users", gone.id())).isEqualTo(404);
        assertThat(status("tracks", publicTrack)).isEqualTo(404);
        assertThat(status("tracks", privateTrack)).isEqualTo(404);
        assertThat(status("playlists", playlist)).isEqualTo(404);
        assertThat(status("users", other.id())).isEqualTo(200);
        assertThat(status("tracks", othersTrack)).isEqualTo(200);
        assertThat(status("playlists", othersPlaylist)).isEqualTo(200);
        assertThat(pendingStores()).isEmpty();

        // a second run finds nothing to do and changes nothing
        String before = snapshot();
        assertThat(runWorker()).isEqualTo(new WorkReport(0, 0));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void withRedisDownTheRestIsDoneAndALaterRunCleansTheCache() throws Exception {
        TestRedis.stop();

        WorkReport report = runWorker();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM user_profiles WHERE user_id = :id"))
                .isZero();
        assertThat(status("users", gone.id())).isEqualTo(404);
        assertThat(status("tracks", privateTrack)).isEqualTo(404);
        assertThat(pendingStores()).containsExactly("cache");
        assertThat(jdbc.sql("SELECT last_error FROM account_erasures WHERE user_id = :id")
                        .param("id", gone.id())
                        .query(String.class)
                        .single())
                .startsWith("cache");

        TestRedis.restart();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            seedCache();
            return true;
        });
        assertThat(runWorker().failed()).isZero();
        assertThat(cacheKeysOfGone()).isZero();
        assertThat(redisConnection.sync().exists("global:stats")).isEqualTo(1);
        assertThat(pendingStores()).isEmpty();
    }

    @Test
    void withOpenSearchUnreachableTheRestIsDoneAndALaterRunCleansTheIndex() throws Exception {
        RELAY.cut();

        assertThat(runWorker().failed()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM playlists WHERE owner_id = :id")).isZero();
        assertThat(cacheKeysOfGone()).isZero();
        assertThat(pendingStores()).containsExactly("search");
        assertThat(status("users", gone.id())).isEqualTo(200);

        RELAY.restore();
        assertThat(runWorker().failed()).isZero();
        assertThat(status("users", gone.id())).isEqualTo(404);
        assertThat(status("playlists", playlist)).isEqualTo(404);
        assertThat(pendingStores()).isEmpty();
    }

    @Test
    void anIndexThatFailsDoesNotStopTheOthers() throws Exception {
        assertThat(http("POST", "/" + PREFIX + "-tracks/_close", "").statusCode())
                .isEqualTo(200);

        assertThat(runWorker().failed()).isEqualTo(1);
        assertThat(status("users", gone.id())).isEqualTo(404);
        assertThat(status("playlists", playlist)).isEqualTo(404);
        assertThat(status("playlists", othersPlaylist)).isEqualTo(200);
        assertThat(pendingStores()).containsExactly("search");

        http("POST", "/" + PREFIX + "-tracks/_open", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> status("tracks", othersTrack) == 200);
        assertThat(runWorker().failed()).isZero();
        assertThat(status("tracks", privateTrack)).isEqualTo(404);
        assertThat(status("tracks", othersTrack)).isEqualTo(200);
        assertThat(pendingStores()).isEmpty();
    }

    /** Everything the erasure touches, as text, to compare two runs. */
    private String snapshot() {
        return jdbc.sql("""
                        SELECT concat_ws('|',
                            (SELECT row(u.*)::text FROM users u WHERE id = :id),
                            (SELECT count(*) FROM tracks WHERE owner_id = :id AND deleted_at IS NULL),
                            (SELECT string_agg(row(e.*)::text, ',') FROM account_erasures e WHERE user_id = :id),
                            (SELECT count(*) FROM audit_logs WHERE target_id = :id))
                        """).param("id", gone.id()).query(String.class).single();
    }

    private static int status(String type, UUID id) throws IOException, InterruptedException {
        return http("GET", "/" + PREFIX + "-" + type + "/_doc/" + id, null).statusCode();
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

    private UUID albumOf(UUID track) {
        return jdbc.sql("SELECT album_id FROM tracks WHERE id = :id")
                .param("id", track)
                .query(UUID.class)
                .single();
    }
}
