package fr.veza.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through when the limit store cannot answer (Redis down or slow): an outage of the limiter must not
 * become an outage of the API. Every such pass is logged and counted ({@code veza.ratelimit.fail_open}).
 */
class FailOpenRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(FailOpenRateLimiter.class);

    private final RateLimiter delegate;
    private final Counter failOpen;

    FailOpenRateLimiter(RateLimiter delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.failOpen = Counter.builder("veza.ratelimit.fail_open")
                .description("requests let through because the rate-limit store failed")
                .register(meters);
    }

    @Override
    public Allowance tryConsume(String key, Limit limit) {
        try {
            return delegate.tryConsume(key, limit);
        } catch (RuntimeException e) {
            return open(key, limit, e);
        }
    }

    @Override
    public Allowance peek(String key, Limit limit) {
        try {
            return delegate.peek(key, limit);
        } catch (RuntimeException e) {
            return open(key, limit, e);
        }
    }

    private Allowance open(String key, Limit limit, RuntimeException e) {
        failOpen.increment();
        log.warn(
                "rate limit store failed; request let through key={} error={}",
                key.replaceAll(":[^:]*$", ":*"),
                e.toString());
        return new Allowance(true, limit.capacity(), limit.capacity(), limit.period());
    }
}
