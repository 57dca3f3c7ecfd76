package fr.veza.platform.worker;

import java.time.Duration;

/** Waits between attempts of a retried job. */
public final class Backoff {

    private Backoff() {}

    /** {@code base * 2^retries}, never more than {@code max}; doubling stops at the cap, so nothing overflows. */
    public static Duration doubling(Duration base, int retries, Duration max) {
        Duration wait = base;
        for (int i = 0; i < retries && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
