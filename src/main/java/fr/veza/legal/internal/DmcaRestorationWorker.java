package fr.veza.legal.internal;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores tracks whose counter-notice waiting period ended without a court action: the track gets back the
 * visibility its owner chose, the notice becomes restored and the strike is lifted, in one transaction per batch
 * of rows claimed with SKIP LOCKED.
 */
@Component
class DmcaRestorationWorker implements PeriodicWorker {

    private final DmcaRepository notices;
    private final DmcaService service;
    private final TransactionTemplate transactions;
    private final LegalSettings settings;

    DmcaRestorationWorker(
            DmcaRepository notices, DmcaService service, TransactionTemplate transactions, LegalSettings settings) {
        this.notices = notices;
        this.service = service;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "dmca-restoration";
    }

    @Override
    public Duration interval() {
        return settings.restorationInterval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Integer restored = transactions.execute(status -> {
            List<DmcaNotice> due = notices.dueForRestoration(run.startedAt(), 100);
            due.forEach(notice -> service.restore(notice, run.startedAt()));
            return due.size();
        });
        return new WorkReport(restored == null ? 0 : restored, 0);
    }
}
