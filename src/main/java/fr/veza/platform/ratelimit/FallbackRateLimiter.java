package fr.veza.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from a second limiter when the shared store cannot (Redis down or slow). Every fallback is logged and
 * counted. Two policies:
 * <ul>
 *   <li>{@link #failOpen}: let the request through ({@code veza.ratelimit.fail_open}), where the limit protects
 *       capacity and an outage of the limiter must not become an outage of the API;
 *   <li>{@link #countLocally}: count in this instance's buckets ({@code veza.ratelimit.fallback}), where the limit
 *       protects accounts and must loosen to one budget per instance, never to none.
 * </ul>
 */
final class FallbackRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(FallbackRateLimiter.class);

    /** Every request allowed, with a full budget. */
    private static final RateLimiter OPEN = new RateLimiter() {
        @Override
        public Allowance tryConsume(String key, Limit limit) {
            return peek(key, limit);
        }

        @Override
        public Allowance peek(String key, Limit limit) {
            return new Allowance(true, limit.capacity(), limit.capacity(), limit.period());
        }
    };

    private final RateLimiter shared;
    private final RateLimiter fallback;
    private final Counter fallbacks;
    private final String outcome;

    private FallbackRateLimiter(RateLimiter shared, RateLimiter fallback, Counter fallbacks, String outcome) {
        this.shared = shared;
        this.fallback = fallback;
        this.fallbacks = fallbacks;
        this.outcome = outcome;
    }

    static RateLimiter failOpen(RateLimiter shared, MeterRegistry meters) {
        return new FallbackRateLimiter(
                shared,
                OPEN,
                Counter.builder("veza.ratelimit.fail_open")
                        .description("requests let through because the rate-limit store failed")
                        .register(meters),
                "request let through");
    }

    static RateLimiter countLocally(RateLimiter shared, RateLimiter local, MeterRegistry meters) {
        return new FallbackRateLimiter(
                shared,
                local,
                Counter.builder("veza.ratelimit.fallback")
                        .description("limit checks counted in process because the shared store failed")
                        .register(meters),
                "counted in process");
    }

    @Override
    public Allowance tryConsume(String key, Limit limit) {
        try {
            return shared.tryConsume(key, limit);
        } catch (RuntimeException e) {
            fellBack(key, e);
            return fallback.tryConsume(key, limit);
        }
    }

    @Override
    public Allowance peek(String key, Limit limit) {
        try {
            return shared.peek(key, limit);
        } catch (RuntimeException e) {
            fellBack(key, e);
            return fallback.peek(key, limit);
        }
    }

    private void fellBack(String key, RuntimeException e) {
        fallbacks.increment();
        log.warn("rate limit store failed; {} key={} error={}", outcome, key.replaceAll(":[^:]*$", ":*"), e.toString());
    }
}
