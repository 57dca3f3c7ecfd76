package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.IntegrationTest;
import fr.veza.support.TestRedis;
import fr.veza.support.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Login limits shared through Redis hold per instance while Redis is down: guessing never becomes free. */
@TestPropertySource(properties = "veza.identity.login.failures-per-account=3")
class LoginLimitsDuringRedisOutageIntegrationTests extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("veza.platform.redis-url", TestRedis::url);
    }

    @AfterEach
    void redisBack() {
        TestRedis.restart();
    }

    @Test
    void failedLoginsAreStillCountedWhenRedisFails() {
        TestUser user = register();
        TestRedis.stop();

        for (int i = 0; i < 3; i++) {
            assertThat(api().post("/api/v1/auth/login", Map.of("login", user.email(), "password", "wrong guess " + i))
                            .code())
                    .isEqualTo("invalid_credentials");
        }
        var refused = api().post("/api/v1/auth/login", Map.of("login", user.email(), "password", user.password()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(meters.get("veza.ratelimit.fallback").counter().count()).isPositive();
    }
}
