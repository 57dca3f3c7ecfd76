package fr.veza.marketplace.internal;

import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.PayoutGateway;
import fr.veza.platform.worker.Backoff;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes back payouts of refunded orders: every {@code REVERSAL_CHECK_INTERVAL}, reversal_pending rows whose next try
 * is due, 20 at a time, are reversed at Stripe. Already reversed counts as done; a transfer Stripe does not know,
 * or a row with no Stripe transfer, cannot be reversed and is left to an operator; anything else is tried again
 * after {@code min(REVERSAL_BACKOFF_BASE * 2^retries, REVERSAL_BACKOFF_MAX)} until {@code REVERSAL_MAX_RETRIES}.
 */
@Component
class ReversalWorker implements PeriodicWorker {

    static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ReversalWorker.class);

    private final TransferRepository transfers;
    private final TransferStateMachine transitions;
    private final PayoutGateway payouts;
    private final MarketplaceSettings.Reversal settings;
    private final Clock clock;

    ReversalWorker(
            TransferRepository transfers,
            TransferStateMachine transitions,
            PayoutGateway payouts,
            MarketplaceSettings settings,
            Clock clock) {
        this.transfers = transfers;
        this.transitions = transitions;
        this.payouts = payouts;
        this.settings = settings.reversal();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stripe-reversal";
    }

    @Override
    public Duration interval() {
        return settings.checkInterval();
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        WorkReport report = WorkReport.NOTHING;
        List<Transfer> batch;
        do {
            batch = transfers.claimDue(TransferStatus.REVERSAL_PENDING, BATCH, LEASE);
            for (Transfer transfer : batch) {
                report = report.plus(reverse(transfer));
            }
        } while (batch.size() == BATCH && !run.stopping());
        return report;
    }

    WorkReport reverse(Transfer transfer) {
        if (!transfer.hasStripeTransfer()) {
            transitions.transition(
                    transfer,
                    TransferStatus.PERMANENTLY_FAILED,
                    TransferStateMachine.Extras.gaveUp("no Stripe transfer id to reverse"));
            log.error("reversal: transfer {} has no Stripe transfer id; permanently failed", transfer.id());
            return new WorkReport(0, 1);
        }
        try {
            String reversalId = payouts.reverse(transfer.stripeTransferId(), transfer.reversalIdempotencyKey());
            transitions.transition(transfer, TransferStatus.REVERSED, TransferStateMachine.Extras.reversed(reversalId));
            log.info(
                    "reversal: transfer {} ({}) reversed as {}",
                    transfer.id(),
                    transfer.stripeTransferId(),
                    reversalId);
            return new WorkReport(1, 0);
        } catch (PayoutGateway.TransferAlreadyReversedException already) {
            transitions.transition(transfer, TransferStatus.REVERSED, TransferStateMachine.Extras.none());
            log.info(
                    "reversal: transfer {} ({}) was already reversed at Stripe",
                    transfer.id(),
                    transfer.stripeTransferId());
            return new WorkReport(1, 0);
        } catch (PayoutGateway.TransferNotFoundException missing) {
            transitions.transition(
                    transfer,
                    TransferStatus.PERMANENTLY_FAILED,
                    TransferStateMachine.Extras.gaveUp("Stripe does not know transfer " + transfer.stripeTransferId()));
            log.error(
                    "reversal: transfer {} ({}) not found at Stripe; permanently failed",
                    transfer.id(),
                    transfer.stripeTransferId());
            return new WorkReport(0, 1);
        } catch (PaymentProviderException e) {
            return failedAttempt(transfer, e.getMessage());
        }
    }

    private WorkReport failedAttempt(Transfer transfer, String error) {
        int attempts = transfer.retryCount() + 1;
        if (attempts >= settings.maxRetries()) {
            transitions.transition(
                    transfer,
                    TransferStatus.PERMANENTLY_FAILED,
                    new TransferStateMachine.Extras(
                            null,
                            null,
                            null,
                            "reversal gave up after " + attempts + " attempts: " + error,
                            TransferStateMachine.Retry.INCREMENT,
                            null));
            log.error("reversal: transfer {} permanently failed after {} attempts: {}", transfer.id(), attempts, error);
        } else {
            Duration wait = backoff(transfer.retryCount());
            transitions.transition(
                    transfer,
                    TransferStatus.REVERSAL_PENDING,
                    TransferStateMachine.Extras.failedAttempt(
                            error, clock.instant().plus(wait)));
            log.warn("reversal: transfer {} attempt {} failed, next in {}: {}", transfer.id(), attempts, wait, error);
        }
        return new WorkReport(0, 1);
    }

    /** {@code base * 2^retries}, never more than the configured maximum. */
    Duration backoff(int retries) {
        return Backoff.doubling(settings.backoffBase(), retries, settings.backoffMax());
    }
}
