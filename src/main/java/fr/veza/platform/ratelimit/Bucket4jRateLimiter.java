package fr.veza.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;

/** A {@link RateLimiter} over any Bucket4j store: in-process (Caffeine) or shared (Redis). */
class Bucket4jRateLimiter implements RateLimiter {

    private final ProxyManager<String> buckets;

    Bucket4jRateLimiter(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    @Override
    public Allowance tryConsume(String key, Limit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        Duration reset =
                Duration.ofNanos(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
        return new Allowance(probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(), reset);
    }

    @Override
    public Allowance peek(String key, Limit limit) {
        EstimationProbe estimate = bucket(key, limit).estimateAbilityToConsume(1);
        return new Allowance(
                estimate.canBeConsumed(),
                limit.capacity(),
                estimate.getRemainingTokens(),
                Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    private BucketProxy bucket(String key, Limit limit) {
        return buckets.builder().build(key, () -> configuration(limit));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.period())
                        .build())
                .build();
    }
}
