package fr.veza.platform.ratelimit;

/**
 * Counts events per key against a {@link Limit}. Keys are namespaced by the caller ({@code login:ip:1.2.3.4}).
 * In-process by default; shared through Redis when Veza runs on several instances.
 */
public interface RateLimiter {

    /** Takes one event from the key's budget, if any is left. */
    Allowance tryConsume(String key, Limit limit);

    /** Tells what {@link #tryConsume} would answer, without taking anything. */
    Allowance peek(String key, Limit limit);
}
