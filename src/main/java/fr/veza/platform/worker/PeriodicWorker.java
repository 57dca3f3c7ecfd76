package fr.veza.platform.worker;

import java.time.Duration;

/**
 * A recurring sweep, run by {@link WorkerScheduler}: on one instance at a time, at a configured interval, with
 * metrics and a structured log line per run. An implementation does one job, works in bounded batches, is safe to
 * run twice, and checks {@link WorkerRun#stopping()} between items so shutdown never waits on a long backlog.
 */
public interface PeriodicWorker {

    /** A short, stable name: the lock name, the metric tag and the log prefix ({@code orphan-cleanup}). */
    String name();

    Duration interval();

    default boolean enabled() {
        return true;
    }

    /** Whether to run once as soon as the server is up, before the first interval has passed. */
    default boolean runAtStartup() {
        return false;
    }

    /** The longest a run may hold the lock if its instance dies mid-run. */
    default Duration maxRunTime() {
        return Duration.ofMinutes(10);
    }

    WorkReport run(WorkerRun run);
}
