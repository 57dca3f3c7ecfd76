package fr.veza.marketplace.internal;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gets payouts moving again: failed ones whose next try is due (until {@code TRANSFER_RETRY_MAX_ATTEMPTS}), ones
 * waiting for a seller who has since finished onboarding (Stripe is asked again about such sellers), and pending
 * ones whose sender stopped before Stripe answered.
 */
@Component
class TransferRetryWorker implements PeriodicWorker {

    static final int BATCH = 50;
    static final Duration STALE_PENDING = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(TransferRetryWorker.class);

    private final TransferRepository transfers;
    private final TransferStateMachine transitions;
    private final TransferSender sender;
    private final SellerService sellerAccounts;
    private final MarketplaceSettings settings;
    private final Clock clock;

    TransferRetryWorker(
            TransferRepository transfers,
            TransferStateMachine transitions,
            TransferSender sender,
            SellerService sellerAccounts,
            MarketplaceSettings settings,
            Clock clock) {
        this.transfers = transfers;
        this.transitions = transitions;
        this.sender = sender;
        this.sellerAccounts = sellerAccounts;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "transfer-retry";
    }

    @Override
    public Duration interval() {
        return settings.transferRetry().interval();
    }

    @Override
    public boolean enabled() {
        return settings.transferRetry().enabled();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        WorkReport report = WorkReport.NOTHING;
        sellerAccounts.refreshAwaitingSellers(BATCH);
        for (Transfer waiting : transfers.awaitingReadySellers(BATCH)) {
            if (run.stopping()) {
                return report;
            }
            if (transitions.transition(
                    waiting,
                    TransferStatus.PENDING,
                    TransferStateMachine.Extras.dueNow(clock.instant()).withAccount(waiting.stripeAccountId()))) {
                report = report.plus(sendFresh(waiting));
            }
        }
        for (Transfer failed : transfers.claimDue(TransferStatus.FAILED, BATCH, Duration.ofMinutes(5))) {
            if (run.stopping()) {
                return report;
            }
            report = report.plus(retry(failed));
        }
        for (Transfer stuck : transfers.stalePending(STALE_PENDING, BATCH)) {
            if (run.stopping()) {
                return report;
            }
            report = report.plus(sender.send(stuck) ? new WorkReport(1, 0) : new WorkReport(0, 1));
        }
        return report;
    }

    /** Retries one failed payout, or gives it up once its attempts are spent. */
    WorkReport retry(Transfer failed) {
        if (failed.retryCount() >= settings.transferRetry().maxAttempts()) {
            transitions.transition(
                    failed,
                    TransferStatus.PERMANENTLY_FAILED,
                    TransferStateMachine.Extras.gaveUp(
                            "gave up after " + failed.retryCount() + " attempts: " + failed.lastError()));
            log.error(
                    "transfer-retry: transfer {} permanently failed after {} attempts",
                    failed.id(),
                    failed.retryCount());
            return new WorkReport(0, 1);
        }
        if (!transitions.transition(
                failed,
                TransferStatus.PENDING,
                new TransferStateMachine.Extras(
                        null, null, null, failed.lastError(), TransferStateMachine.Retry.KEEP, null))) {
            return WorkReport.NOTHING;
        }
        return sendFresh(failed);
    }

    /** Sends the row as it is now that it moved to pending. */
    private WorkReport sendFresh(Transfer transfer) {
        boolean sent = transfers
                .find(transfer.id())
                .filter(now -> now.status() == TransferStatus.PENDING)
                .map(sender::send)
                .orElse(false);
        return sent ? new WorkReport(1, 0) : new WorkReport(0, 1);
    }
}
