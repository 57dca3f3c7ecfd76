package fr.veza.platform.redis;

import fr.veza.platform.config.PlatformSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared Redis, when {@code REDIS_URL} is set: one client and one multiplexed connection for the instance. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${veza.platform.redis-url:}' != ''")
class RedisConfiguration {

    /**
     * Reconnects at most two seconds apart: Lettuce's default backs off to 30 s, so Veza would go on answering
     * from the database (and without shared rate limits) for half a minute after Redis came back.
     */
    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return ClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(PlatformSettings settings, ClientResources resources) {
        RedisURI uri = RedisURI.create(settings.redisUrl().uri());
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(resources, uri);
        // while disconnected, fail commands at once (callers fall back) instead of queueing them until timeout
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    /** Keys as text, values as bytes: what Bucket4j and caches store. */
    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, byte[]> redisConnection(RedisClient client) {
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @Bean
    HealthIndicator redisHealthIndicator(StatefulRedisConnection<String, byte[]> connection) {
        return () -> {
            try {
                return "PONG".equals(connection.sync().ping())
                        ? Health.up().build()
                        : Health.down().build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
