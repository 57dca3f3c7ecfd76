package fr.veza.privacy.internal;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.privacy.ExportReady;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds queued exports, one at a time, each claimed with a lease: an instance that dies mid-build leaves its
 * export to be claimed again once the lease runs out. The archive is stored before the row says ready, and the
 * mail goes out through the event outbox after that commit, so nobody is told about an export that is not there.
 */
@Component
class ExportWorker implements PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
    private static final int PER_RUN = 20;

    private final ExportRepository exports;
    private final ExportBuilder builder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final PrivacySettings settings;
    private final Clock clock;

    ExportWorker(
            ExportRepository exports,
            ExportBuilder builder,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            PrivacySettings settings,
            Clock clock) {
        this.exports = exports;
        this.builder = builder;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "data-export";
    }

    @Override
    public Duration interval() {
        return settings.exports().interval();
    }

    @Override
    public Duration maxRunTime() {
        return settings.exports().lease();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        int done = 0;
        int failed = 0;
        for (int i = 0; i < PER_RUN && !run.stopping(); i++) {
            Optional<DataExport> claimed =
                    exports.claim(clock.instant(), settings.exports().lease());
            if (claimed.isEmpty()) {
                break;
            }
            if (build(claimed.get())) {
                done++;
            } else {
                failed++;
            }
        }
        return new WorkReport(done, failed);
    }

    private boolean build(DataExport export) {
        String key = "exports/" + export.id() + ".zip";
        try {
            Instant at = clock.instant();
            long size = builder.build(export.id(), export.userId(), at, key);
            Instant expires = clock.instant().plus(settings.exports().linkTtl());
            boolean ready = Boolean.TRUE.equals(transactions.execute(status -> {
                if (!exports.markReady(export.id(), export.attempts(), key, size, clock.instant(), expires)) {
                    return false;
                }
                events.publishEvent(new ExportReady(export.id(), export.userId(), expires));
                return true;
            }));
            log.info("data-export export={} ready={} bytes={}", export.id(), ready, size);
            return ready;
        } catch (Exception e) {
            boolean last = export.attempts() >= settings.exports().maxAttempts();
            exports.markFailed(
                    export.id(), export.attempts(), last, e.getClass().getSimpleName());
            log.warn(
                    "data-export export={} attempt={} failed{} error={}",
                    export.id(),
                    export.attempts(),
                    last ? " for good" : "",
                    e.toString());
            return false;
        }
    }
}
