package fr.veza.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    /** In-process buckets: right for one instance; a Redis-backed limiter replaces it for several. */
    @Bean
    RateLimiter rateLimiter() {
        var proxyManager = Bucket4jCaffeine.<String>builderFor(
                        Caffeine.newBuilder().maximumSize(1_000_000))
                .expirationAfterWrite(
                        io.github.bucket4j.distributed.ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        return new Bucket4jRateLimiter(proxyManager);
    }
}
