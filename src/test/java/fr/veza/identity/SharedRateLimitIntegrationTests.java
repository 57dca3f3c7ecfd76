package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.VezaApplication;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.TestDatabase;
import fr.veza.support.TestRedis;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Veza instances on one PostgreSQL and one real Redis, as in a scaled-out deployment. */
class SharedRateLimitIntegrationTests {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stopThem() {
        first.close();
        second.close();
    }

    @Test
    void twoInstancesDrawOnOneBudgetPerKey() {
        String key = newKey();
        Api a = client(first).with("X-API-Key", key);
        Api b = client(second).with("X-API-Key", key);

        assertThat(a.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(b.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("3");
        assertThat(a.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(b.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(a.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("0");

        assertThat(b.get("/api/v1/me").status()).isEqualTo(429);
        assertThat(a.get("/api/v1/me").status()).isEqualTo(429);
    }

    @Test
    void whenRedisFailsRequestsAreServedAndTheFailureIsCounted() {
        String key = newKey();
        Api a = client(first).with("X-API-Key", key);
        assertThat(a.get("/api/v1/me").status()).isEqualTo(200);
        MeterRegistry meters = first.getBean(MeterRegistry.class);
        double before = meters.counter("veza.ratelimit.fail_open").count();

        TestRedis.stop();
        try {
            ApiResponse duringOutage = a.get("/api/v1/me");
            assertThat(duringOutage.status()).isEqualTo(200);
            assertThat(meters.counter("veza.ratelimit.fail_open").count()).isGreaterThan(before);
        } finally {
            TestRedis.restart();
            // each instance reconnects on its own schedule; the other test must find both connected again
            await().atMost(Duration.ofSeconds(45)).until(() -> connected(first) && connected(second));
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean connected(ConfigurableApplicationContext context) {
        try {
            return "PONG"
                    .equals(context.getBean(StatefulRedisConnection.class)
                            .sync()
                            .ping());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static String newKey() {
        Api api = client(first);
        String name = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiResponse registered = api.post(
                "/api/v1/auth/register",
                Map.of("email", name + "@example.com", "username", name, "password", "shared budget passphrase"));
        return api.bearer(registered.field("access_token"))
                .post("/api/v1/developer/api-keys", Map.of("name", "shared", "scopes", List.of("read")))
                .field("key");
    }

    private static Api client(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static ConfigurableApplicationContext start() {
        // as arguments: they must win over application.yml, as an operator's environment would
        return new SpringApplicationBuilder(VezaApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--veza.database.url=" + TestDatabase.jdbcUrl(),
                        "--veza.platform.redis-url=" + TestRedis.url(),
                        "--veza.api-keys.reads-per-hour=5",
                        "--veza.catalog.transcode-concurrency=0",
                        "--spring.jmx.enabled=false");
    }
}
