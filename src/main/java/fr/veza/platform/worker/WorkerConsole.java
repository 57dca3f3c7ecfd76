package fr.veza.platform.worker;

import fr.veza.platform.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the admin console shows of the background workers, from what they already keep: the ShedLock rows (the
 * last run on any instance, and where) and this instance's {@code veza.worker.*} metrics and last run.
 */
@Component
public class WorkerConsole {

    private final WorkerScheduler scheduler;
    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    WorkerConsole(WorkerScheduler scheduler, MeterRegistry meters, JdbcClient jdbc, AuditTrail audit) {
        this.scheduler = scheduler;
        this.meters = meters;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Whether this instance runs workers at all ({@code WORKERS_ENABLED}). */
    public boolean enabledHere() {
        return scheduler.enabledHere();
    }

    /** Every worker by name, with what is known of it. */
    public List<WorkerState> workers() {
        Map<String, Lock> locks = new HashMap<>();
        jdbc.sql("SELECT name, locked_at, lock_until, locked_by FROM shedlock").query(rs -> {
            locks.put(
                    rs.getString("name"),
                    new Lock(
                            rs.getTimestamp("locked_at").toInstant(),
                            rs.getTimestamp("lock_until").toInstant(),
                            rs.getString("locked_by")));
        });
        Map<String, WorkerScheduler.LastRun> lastRuns = scheduler.lastRuns();
        return scheduler.workers().stream()
                .map(worker -> {
                    WorkerScheduler.LastRun last = lastRuns.get(worker.name());
                    Lock lock = locks.get(worker.name());
                    return new WorkerState(
                            worker.name(),
                            worker.enabled(),
                            worker.interval(),
                            lock == null ? null : lock.lockedAt(),
                            lock == null ? null : lock.lockedBy(),
                            last == null ? null : last.startedAt(),
                            last == null ? null : last.took(),
                            last == null ? null : last.error() == null ? "ok" : "error",
                            last == null ? 0 : last.processed(),
                            last == null ? 0 : last.failed(),
                            last == null ? null : last.error(),
                            runs(worker.name()),
                            (long) counted("veza.worker.processed", worker.name()),
                            (long) counted("veza.worker.failed", worker.name()),
                            (long) counted("veza.worker.errors", worker.name()),
                            scheduler.nextRun(worker.name()).orElse(null),
                            lock != null && lock.lockUntil().isAfter(Instant.now()) ? lock.lockedBy() : null);
                })
                .sorted(java.util.Comparator.comparing(WorkerState::name))
                .toList();
    }

    /** Runs one pass now under the worker's lock, asked by {@code admin}, in the audit trail; empty for an unknown worker. */
    public Optional<ManualRun> runNow(String name, UUID admin, String ipAddress) {
        Optional<ManualRun> ran = scheduler
                .runNow(name)
                .map(run -> new ManualRun(
                        run.outcome(),
                        run.report() == null ? 0 : run.report().processed(),
                        run.report() == null ? 0 : run.report().failed()));
        ran.ifPresent(run -> audit.record(new AuditTrail.AuditEntry(
                admin,
                ipAddress,
                "worker.run_now",
                "worker",
                null,
                Map.of(
                        "worker",
                        name,
                        "outcome",
                        run.outcome(),
                        "processed",
                        run.processed(),
                        "failed",
                        run.failed()))));
        return ran;
    }

    /** @param outcome ran, busy (another run holds its lock, here or elsewhere) or disabled */
    public record ManualRun(String outcome, int processed, int failed) {}

    private double counted(String meter, String worker) {
        Counter counter = meters.find(meter).tag("worker", worker).counter();
        return counter == null ? 0 : counter.count();
    }

    private long runs(String worker) {
        Timer timer = meters.find("veza.worker.duration").tag("worker", worker).timer();
        return timer == null ? 0 : timer.count();
    }

    private record Lock(Instant lockedAt, Instant lockUntil, String lockedBy) {}

    /**
     * @param lastStartedAnywhere when a run last took the lock, on any instance
     * @param lastStartedBy the host that took it
     * @param lastRunHere this instance's last run; its {@code outcome} is ok or error
     * @param runs runs on this instance since it started, with the items they processed and failed, and the runs
     *     that ended with an exception
     * @param nextRunHere when it next runs on this instance (none when workers are off here)
     * @param runningOn the host whose run holds its lock now, if one does
     */
    public record WorkerState(
            String name,
            boolean enabled,
            Duration interval,
            Instant lastStartedAnywhere,
            String lastStartedBy,
            Instant lastRunHere,
            Duration took,
            String outcome,
            int lastProcessed,
            int lastFailed,
            String lastError,
            long runs,
            long processed,
            long failed,
            long errors,
            Instant nextRunHere,
            String runningOn) {

        public long tookMillis() {
            return took == null ? 0 : took.toMillis();
        }

        public String every() {
            long seconds = interval.toSeconds();
            if (seconds == 0) {
                return interval.toMillis() + " ms";
            }
            if (seconds % 3600 == 0) {
                return seconds / 3600 + " h";
            }
            return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
        }
    }
}
