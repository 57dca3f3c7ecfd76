package fr.veza.platform.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link PeriodicWorker}: at its interval, under a ShedLock so N instances run it once, with
 * {@code veza.worker.*} metrics, and stopped before the stores close on shutdown.
 */
@Component
class WorkerScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerScheduler.class);

    private final List<PeriodicWorker> workers;
    private final LockingTaskExecutor locks;
    private final MeterRegistry meters;
    private final Clock clock;
    private final WorkerSettings settings;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final Map<String, LastRun> lastRuns = new ConcurrentHashMap<>();
    private final Map<String, Instrumented> byName = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> nextRuns = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean running;
    private ThreadPoolTaskScheduler scheduler;

    WorkerScheduler(
            List<PeriodicWorker> workers,
            LockProvider lockProvider,
            MeterRegistry meters,
            Clock clock,
            WorkerSettings settings) {
        this.workers = workers;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.meters = meters;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
        if (!settings.enabled()) {
            log.info("workers disabled on this instance (WORKERS_ENABLED=false)");
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(Math.max(1, Math.min(workers.size(), 4)));
        scheduler.setThreadNamePrefix("worker-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationMillis(settings.shutdownGrace().toMillis());
        scheduler.initialize();
        for (PeriodicWorker worker : workers) {
            if (!worker.enabled()) {
                log.info("{} disabled by configuration", worker.name());
                continue;
            }
            Instrumented instrumented = instrumented(worker);
            Instant first =
                    worker.runAtStartup() ? clock.instant() : clock.instant().plus(worker.interval());
            ScheduledFuture<?> schedule =
                    scheduler.scheduleWithFixedDelay(instrumented::tick, first, worker.interval());
            schedules.add(schedule);
            nextRuns.put(worker.name(), schedule);
            log.info(
                    "{} scheduled every {}{}",
                    worker.name(),
                    worker.interval(),
                    worker.runAtStartup() ? ", and once now" : "");
        }
    }

    private Instrumented instrumented(PeriodicWorker worker) {
        return byName.computeIfAbsent(worker.name(), name -> new Instrumented(worker));
    }

    /**
     * Runs one pass of the worker now, on the calling thread, under the same lock as its schedule: while another
     * run holds it (here or on another instance) nothing runs and the answer says so. Empty for an unknown name.
     */
    Optional<ManualRun> runNow(String name) {
        PeriodicWorker worker = workers.stream()
                .filter(each -> each.name().equals(name))
                .findFirst()
                .orElse(null);
        if (worker == null) {
            return Optional.empty();
        }
        if (!worker.enabled()) {
            return Optional.of(new ManualRun(false, "disabled", null));
        }
        // held only while it runs, so the schedule's next tick is not put off
        LockConfiguration lock =
                new LockConfiguration(clock.instant(), worker.name(), worker.maxRunTime(), Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<WorkReport> result =
                    locks.executeWithLock(instrumented(worker)::runOnce, lock);
            return Optional.of(
                    result.wasExecuted()
                            ? new ManualRun(true, "ran", result.getResult())
                            : new ManualRun(false, "busy", null));
        } catch (RuntimeException e) {
            instrumented(worker).errors.increment();
            lastRuns.put(
                    worker.name(),
                    new LastRun(clock.instant(), null, 0, 0, e.getClass().getSimpleName()));
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the worker next runs on this instance; absent when it is not scheduled here. */
    Optional<Instant> nextRun(String name) {
        ScheduledFuture<?> schedule = nextRuns.get(name);
        return schedule == null || schedule.isCancelled()
                ? Optional.empty()
                : Optional.of(clock.instant().plusMillis(Math.max(0, schedule.getDelay(TimeUnit.MILLISECONDS))));
    }

    /** @param outcome ran, busy (another run holds the lock) or disabled */
    record ManualRun(boolean ran, String outcome, WorkReport report) {}

    /** How each worker's last run on this instance ended; absent until it ran here once. */
    Map<String, LastRun> lastRuns() {
        return Map.copyOf(lastRuns);
    }

    List<PeriodicWorker> workers() {
        return workers;
    }

    boolean enabledHere() {
        return settings.enabled();
    }

    /** A run as this instance saw it: when, how long, what it reported or why it failed. */
    record LastRun(Instant startedAt, Duration took, int processed, int failed, String error) {}

    @Override
    public void stop() {
        stopping = true;
        schedules.forEach(schedule -> schedule.cancel(false));
        if (scheduler != null) {
            scheduler.shutdown(); // waits up to the grace period for running items
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server drains (higher phase stops first), well before stores close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private final class Instrumented {

        private final PeriodicWorker worker;
        private final Counter processed;
        private final Counter failed;
        private final Counter errors;
        private final Timer duration;
        private final AtomicLong lastSuccessEpochMillis;

        Instrumented(PeriodicWorker worker) {
            this.worker = worker;
            String name = worker.name();
            this.processed =
                    Counter.builder("veza.worker.processed").tag("worker", name).register(meters);
            this.failed =
                    Counter.builder("veza.worker.failed").tag("worker", name).register(meters);
            this.errors = Counter.builder("veza.worker.errors")
                    .description("runs that ended with an exception")
                    .tag("worker", name)
                    .register(meters);
            this.duration =
                    Timer.builder("veza.worker.duration").tag("worker", name).register(meters);
            this.lastSuccessEpochMillis = new AtomicLong(clock.millis());
            Gauge.builder(
                            "veza.worker.lag.seconds",
                            lastSuccessEpochMillis,
                            last -> (clock.millis() - last.get()) / 1000.0)
                    .description("seconds since this worker last finished a run")
                    .tag("worker", name)
                    .register(meters);
        }

        void tick() {
            if (stopping) {
                return;
            }
            LockConfiguration lock = new LockConfiguration(
                    clock.instant(), worker.name(), worker.maxRunTime(), lockAtLeastFor(worker.interval()));
            try {
                locks.executeWithLock((Runnable) this::runOnce, lock);
            } catch (RuntimeException e) {
                // the next tick tries again; one bad run must not cancel the schedule
                errors.increment();
                lastRuns.put(
                        worker.name(),
                        new LastRun(clock.instant(), null, 0, 0, e.getClass().getSimpleName()));
                log.error("{} run failed", worker.name(), e);
            }
        }

        private WorkReport runOnce() {
            long start = System.nanoTime();
            Instant startedAt = clock.instant();
            WorkReport report = worker.run(new WorkerRun(startedAt, () -> stopping));
            long elapsed = System.nanoTime() - start;
            lastRuns.put(
                    worker.name(),
                    new LastRun(startedAt, Duration.ofNanos(elapsed), report.processed(), report.failed(), null));
            duration.record(elapsed, TimeUnit.NANOSECONDS);
            processed.increment(report.processed());
            failed.increment(report.failed());
            lastSuccessEpochMillis.set(clock.millis());
            if (report.failed() > 0) {
                // an error, so that error reporting hears of items that keep failing (each is logged where it failed)
                log.error(
                        "{} run processed={} failed={} tookMs={}",
                        worker.name(),
                        report.processed(),
                        report.failed(),
                        TimeUnit.NANOSECONDS.toMillis(elapsed));
            } else if (report.processed() > 0) {
                log.info(
                        "{} run processed={} failed={} tookMs={}",
                        worker.name(),
                        report.processed(),
                        report.failed(),
                        TimeUnit.NANOSECONDS.toMillis(elapsed));
            } else {
                log.debug("{} run: nothing to do", worker.name());
            }
            return report;
        }

        /** Keeps a second instance from re-running the same sweep a moment after this one finished. */
        private static Duration lockAtLeastFor(Duration interval) {
            Duration most = interval.dividedBy(2);
            Duration cap = Duration.ofMinutes(5);
            return most.compareTo(cap) > 0 ? cap : most;
        }
    }
}
