package fr.veza.moderation.internal;

import fr.veza.identity.Accounts;
import fr.veza.moderation.ReportsOverdue;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the open reports and the age of the oldest (metrics {@code veza.moderation.reports.open} and
 * {@code veza.moderation.reports.oldest.open.seconds}), and tells admins and moderators, once per report, of those
 * that waited longer than {@code MODERATION_SLA}.
 */
@Component
class ModerationDeadlineWorker implements PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(ModerationDeadlineWorker.class);
    private static final int BATCH = 500;

    private final ReportRepository reports;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ModerationSettings settings;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    ModerationDeadlineWorker(
            ReportRepository reports,
            Accounts accounts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ModerationSettings settings,
            MeterRegistry meters) {
        this.reports = reports;
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        Gauge.builder("veza.moderation.reports.open", open, AtomicLong::get)
                .description("reports waiting for a moderator")
                .register(meters);
        Gauge.builder("veza.moderation.reports.oldest.open.seconds", oldestSeconds, AtomicLong::get)
                .description("how long the oldest open report has waited")
                .register(meters);
    }

    @Override
    public String name() {
        return "moderation-deadline";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        ReportRepository.Backlog backlog = reports.backlog();
        open.set(backlog.open());
        oldestSeconds.set(
                backlog.oldest() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(backlog.oldest(), run.startedAt())
                                        .toSeconds()));
        int told = 0;
        while (!run.stopping()) {
            Integer marked = transactions.execute(status -> {
                List<UUID> overdue = reports.markOverdue(run.startedAt().minus(settings.sla()), BATCH);
                if (!overdue.isEmpty()) {
                    events.publishEvent(new ReportsOverdue(accounts.moderators(), overdue.size(), overdue.get(0)));
                }
                return overdue.size();
            });
            told += marked;
            if (marked < BATCH) {
                break;
            }
        }
        if (told > 0) {
            log.info("moderation-deadline overdue={} open={} sla={}", told, backlog.open(), settings.sla());
        }
        return new WorkReport(told, 0);
    }
}
