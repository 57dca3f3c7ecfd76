package fr.veza.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For limits that protect accounts (login attempts): when the shared store cannot answer, this instance counts
 * on its own buckets instead of letting every attempt through. An outage of Redis then loosens the limit to one
 * budget per instance, never to none. Each fallback is logged and counted ({@code veza.ratelimit.fallback}).
 */
class LocalFallbackRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LocalFallbackRateLimiter.class);

    private final RateLimiter shared;
    private final RateLimiter local;
    private final Counter fallbacks;

    LocalFallbackRateLimiter(RateLimiter shared, RateLimiter local, MeterRegistry meters) {
        this.shared = shared;
        this.local = local;
        this.fallbacks = Counter.builder("veza.ratelimit.fallback")
                .description("limit checks counted in process because the shared store failed")
                .register(meters);
    }

    @Override
    public Allowance tryConsume(String key, Limit limit) {
        try {
            return shared.tryConsume(key, limit);
        } catch (RuntimeException e) {
            fellBack(key, e);
            return local.tryConsume(key, limit);
        }
    }

    @Override
    public Allowance peek(String key, Limit limit) {
        try {
            return shared.peek(key, limit);
        } catch (RuntimeException e) {
            fellBack(key, e);
            return local.peek(key, limit);
        }
    }

    private void fellBack(String key, RuntimeException e) {
        fallbacks.increment();
        log.warn(
                "rate limit store failed; counted in process key={} error={}",
                key.replaceAll(":[^:]*$", ":*"),
                e.toString());
    }
}
