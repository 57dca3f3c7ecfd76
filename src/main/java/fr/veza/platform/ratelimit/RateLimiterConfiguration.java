package fr.veza.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    private static final ExpirationAfterWriteStrategy EXPIRE_WHEN_FULL =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));

    /**
     * Shared buckets in Redis when it is configured, so every instance draws on one budget per key; in-process
     * buckets otherwise. Either way a failing store lets requests through rather than failing them: what an API
     * key's budget protects is capacity, and an outage of the limiter must not become an outage of the API.
     */
    @Bean
    @Primary
    RateLimiter rateLimiter(ObjectProvider<StatefulRedisConnection<String, byte[]>> redis, MeterRegistry meters) {
        StatefulRedisConnection<String, byte[]> connection = redis.getIfAvailable();
        return FallbackRateLimiter.failOpen(connection != null ? shared(connection) : local(), meters);
    }

    /**
     * The limiter of limits that protect accounts ({@link RateLimiters#ACCOUNT_PROTECTION}): shared through
     * Redis like the other, but when Redis fails it counts in process instead of letting attempts through.
     */
    @Bean(RateLimiters.ACCOUNT_PROTECTION)
    RateLimiter accountProtectionRateLimiter(
            ObjectProvider<StatefulRedisConnection<String, byte[]>> redis, MeterRegistry meters) {
        StatefulRedisConnection<String, byte[]> connection = redis.getIfAvailable();
        return connection != null ? FallbackRateLimiter.countLocally(shared(connection), local(), meters) : local();
    }

    private static RateLimiter shared(StatefulRedisConnection<String, byte[]> connection) {
        return new Bucket4jRateLimiter(Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(EXPIRE_WHEN_FULL)
                .build());
    }

    private static RateLimiter local() {
        return new Bucket4jRateLimiter(
                Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(1_000_000))
                        .expirationAfterWrite(EXPIRE_WHEN_FULL)
                        .build());
    }
}
