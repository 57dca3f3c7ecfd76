package fr.veza.platform.ratelimit;

import java.time.Duration;

/**
 * The outcome of asking for one event against a {@link Limit}.
 *
 * @param allowed whether the event may happen
 * @param limit the capacity of the window
 * @param remaining events left in the window after this one
 * @param reset time until the window is full again (or, when refused, until the next event is allowed)
 */
public record Allowance(boolean allowed, long limit, long remaining, Duration reset) {

    public long resetSeconds() {
        return Math.max(0, (reset.toMillis() + 999) / 1000);
    }
}
