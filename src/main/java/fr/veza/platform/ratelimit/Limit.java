package fr.veza.platform.ratelimit;

import java.time.Duration;

/** At most {@code capacity} events per {@code period}, refilled in one go when the period ends. */
public record Limit(long capacity, Duration period) {

    public Limit {
        if (capacity <= 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit needs a positive capacity and period");
        }
    }

    public static Limit perMinute(long capacity) {
        return new Limit(capacity, Duration.ofMinutes(1));
    }

    public static Limit perHour(long capacity) {
        return new Limit(capacity, Duration.ofHours(1));
    }
}
