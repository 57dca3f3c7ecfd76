package fr.veza.gear.internal;

import fr.veza.gear.WarrantyEnding;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily: warns owners whose gear warranty ends within {@code GEAR_WARRANTY_NOTICE_DAYS}. Each batch claims its items
 * and writes the {@link WarrantyEnding} events in one transaction (the outbox), so a warning is neither lost nor
 * sent twice, whatever crashes and however many instances run. Dates are UTC days.
 */
@Component
class WarrantyNotifier implements PeriodicWorker {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(WarrantyNotifier.class);

    private final GearRepository gear;
    private final GearSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    WarrantyNotifier(
            GearRepository gear,
            GearSettings settings,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.gear = gear;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public String name() {
        return "gear-warranty";
    }

    @Override
    public Duration interval() {
        return settings.warrantyInterval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        LocalDate today = LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC);
        LocalDate lastDay = today.plusDays(settings.warrantyNoticeDays());
        int warned = 0;
        List<GearItem> batch;
        do {
            batch = transactions.execute(status -> {
                List<GearItem> claimed = gear.claimWarrantiesEnding(today, lastDay, BATCH);
                claimed.forEach(item -> events.publishEvent(new WarrantyEnding(
                        item.id(),
                        item.ownerId(),
                        item.fields().name(),
                        item.fields().warrantyEnd())));
                return claimed;
            });
            warned += batch.size();
        } while (batch.size() == BATCH && !run.stopping());
        if (warned > 0) {
            log.info("gear-warranty: {} owners warned of warranties ending by {}", warned, lastDay);
        }
        return new WorkReport(warned, 0);
    }
}
