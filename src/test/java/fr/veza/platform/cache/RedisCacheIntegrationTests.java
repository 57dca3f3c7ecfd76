package fr.veza.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestRedis;
import fr.veza.support.TestUser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Profiles and feeds cached in a real Redis under user:{id}:*, invalidated on change, and Redis failing. */
class RedisCacheIntegrationTests extends IntegrationTest {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> redis;

    @Autowired
    UserCache cache;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("veza.platform.redis-url", TestRedis::url);
    }

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestRedis.url());
        redis = client.connect();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        client.shutdown();
    }

    @AfterEach
    void redisBack() {
        TestRedis.restart();
    }

    @Test
    void profilesAreCachedInRedisAndEvictedWhenEdited() {
        TestUser user = register();
        String key = "user:" + user.id() + ":profile";
        assertThat(api().get("/api/v1/users/" + user.id()).status()).isEqualTo(200);
        assertThat(redis.sync().get(key)).contains(user.username());
        assertThat(redis.sync().pttl(key)).isPositive();

        as(user).patch("/api/v1/me", Map.of("display_name", "New Name"));
        assertThat(redis.sync().exists(key)).isZero();
        assertThat(api().get("/api/v1/users/" + user.id()).field("display_name"))
                .isEqualTo("New Name");
        assertThat(redis.sync().get(key)).contains("New Name");
    }

    @Test
    void feedsAreCachedAndEvictedWhenTheListenerFollowsSomeone() {
        TestUser listener = register();
        TestUser artist = register("artist");
        readyTrack(artist, "Fresh", "public");
        String key = "user:" + listener.id() + ":feed";

        assertThat(as(listener).get("/api/v1/feed").json().get("items")).isEmpty();
        assertThat(redis.sync().exists(key)).isEqualTo(1);
        as(listener).put("/api/v1/users/" + artist.id() + "/follow", null);
        assertThat(redis.sync().exists(key)).isZero();
        assertThat(as(listener).get("/api/v1/feed").json().get("items")).hasSize(1);
    }

    /**
     * Redis stops mid-test: reads come from the database and edits succeed. When Redis is back (with what it
     * had saved), the eviction it missed is replayed before anything is read from it: no stale profile.
     */
    @Test
    void requestsSucceedWhileRedisIsDownAndNoStaleValueSurvivesIt() {
        TestUser user = register();
        String key = "user:" + user.id() + ":profile";
        api().get("/api/v1/users/" + user.id());
        assertThat(redis.sync().exists(key)).isEqualTo(1);
        redis.sync().save();

        TestRedis.stop();
        ApiResponse profile = api().get("/api/v1/users/" + user.id());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.field("username")).isEqualTo(user.username());
        assertThat(as(user).patch("/api/v1/me", Map.of("display_name", "Changed offline"))
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/users/" + user.id()).field("display_name"))
                .isEqualTo("Changed offline");
        assertThat(as(user).get("/api/v1/feed").status()).isEqualTo(200);

        TestRedis.restart();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(api().get("/api/v1/users/" + user.id()).field("display_name"))
                                .isEqualTo("Changed offline"));
        // the first read once Redis answers again replays the missed eviction, then caches the fresh profile
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api().get("/api/v1/users/" + user.id()).field("display_name"))
                    .isEqualTo("Changed offline");
            assertThat(redis.sync().get(key)).contains("Changed offline");
        });
    }

    @Test
    void evictAllRemovesEveryKeyOfOnePersonAndNothingElse() {
        UUID person = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (int i = 0; i < 250; i++) {
            redis.sync().set("user:" + person + ":bulk:" + i, "x");
        }
        redis.sync().set("user:" + other + ":profile", "kept");
        redis.sync().set("global:" + person, "kept");

        assertThat(cache.evictAll(person)).isEqualTo(250);
        assertThat(redis.sync().keys("user:" + person + ":*")).isEmpty();
        assertThat(redis.sync().get("user:" + other + ":profile")).isEqualTo("kept");
        assertThat(redis.sync().get("global:" + person)).isEqualTo("kept");
    }
}
