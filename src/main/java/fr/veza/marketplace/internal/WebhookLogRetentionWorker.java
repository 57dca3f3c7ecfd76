package fr.veza.marketplace.internal;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Once a day, deletes webhook log rows (and remembered event ids) older than
 * {@code HYPERSWITCH_WEBHOOK_LOG_RETENTION_DAYS}, 10,000 at a time with a 100 ms pause, so a large backlog never
 * holds the table; it stops between batches when the server shuts down.
 */
@Component
class WebhookLogRetentionWorker implements PeriodicWorker {

    static final int BATCH = 10_000;
    static final Duration PAUSE = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(WebhookLogRetentionWorker.class);

    private final WebhookLogRepository logs;
    private final MarketplaceSettings settings;
    private final Clock clock;

    WebhookLogRetentionWorker(WebhookLogRepository logs, MarketplaceSettings settings, Clock clock) {
        this.logs = logs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "hyperswitch-webhook-log-retention";
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1);
    }

    @Override
    public boolean runAtStartup() {
        return true;
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.effectiveWebhookLogRetentionDays()));
        int rows = sweep(logs::deleteBatch, cutoff, run);
        int events = sweep(logs::deleteProcessedEventsBatch, cutoff, run);
        if (rows + events > 0) {
            log.info("webhook-log-retention: deleted {} log rows and {} event ids older than {}", rows, events, cutoff);
        }
        return new WorkReport(rows, 0);
    }

    private static int sweep(BiFunction<Instant, Integer, Integer> deleteBatch, Instant cutoff, WorkerRun run) {
        int total = 0;
        while (!run.stopping()) {
            int deleted = deleteBatch.apply(cutoff, BATCH);
            total += deleted;
            if (deleted < BATCH || !pause(run)) {
                break;
            }
        }
        return total;
    }

    /** Sleeps between batches, in short steps so a shutdown is noticed at once; false when stopping. */
    private static boolean pause(WorkerRun run) {
        long end = System.nanoTime() + PAUSE.toNanos();
        while (System.nanoTime() < end) {
            if (run.stopping()) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !run.stopping();
    }
}
