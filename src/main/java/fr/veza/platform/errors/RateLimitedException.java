package fr.veza.platform.errors;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Too many requests; carries how long the client should wait, answered as {@code Retry-After}. */
public class RateLimitedException extends VezaException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, detail, List.of(), Map.of("retry_after_seconds", retryAfterSeconds(retryAfter)));
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
