package fr.veza.marketplace.internal;

import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.PaymentStatusReader;
import fr.veza.marketplace.providers.ProviderPayment;
import fr.veza.marketplace.providers.ProviderRefund;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves orders and refunds whose terminal webhook never came. Stuck orders and stuck refunds get the provider's
 * current state, fed as a synthetic webhook to the normal handler (so a late real webhook is a no-op); refunds the
 * provider was never asked for are failed and their order rolled back. At most 50 rows per class per tick; a read
 * error leaves the row for the next tick. It only reads from the provider ({@link PaymentStatusReader}).
 */
@Component
public class ReconcileWorker implements PeriodicWorker {

    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(ReconcileWorker.class);

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final PaymentStatusReader provider;
    private final ProviderEventHandler handler;
    private final TransactionTemplate transactions;
    private final MarketplaceSettings.Reconcile settings;
    private final Clock clock;

    ReconcileWorker(
            OrderRepository orders,
            RefundRepository refunds,
            PaymentStatusReader provider,
            ProviderEventHandler handler,
            TransactionTemplate transactions,
            MarketplaceSettings settings,
            Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.provider = provider;
        this.handler = handler;
        this.transactions = transactions;
        this.settings = settings.reconcile();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "hyperswitch-reconcile";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Pass pass = runOnce(run::stopping);
        return new WorkReport(pass.synced() + pass.orphansFailed(), pass.readErrors());
    }

    /** One pass over the three classes; what it did is the answer (the admin endpoint shows it). */
    public Pass runOnce(java.util.function.BooleanSupplier stopping) {
        int synced = 0;
        int stillOpen = 0;
        int readErrors = 0;
        int orphans = 0;
        for (Order order : orders.stuckPending(settings.orderStuckAfter(), BATCH)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            try {
                ProviderPayment payment = provider.payment(order.paymentId());
                var settled = ProviderEvent.settled("reconcile", payment, null);
                if (settled.isEmpty()) {
                    stillOpen++;
                    log.info(
                            "reconcile: order {} payment {} still {} at the provider",
                            order.id(),
                            order.paymentId(),
                            payment.status());
                    continue;
                }
                var outcome = handler.handle(settled.get());
                synced++;
                log.info(
                        "reconcile: order {} synced to payment {} ({}), stuck {}: {}",
                        order.id(),
                        payment.status(),
                        order.paymentId(),
                        stuckFor(order.updatedAt()),
                        outcome);
            } catch (PaymentProviderException e) {
                readErrors++;
                log.warn(
                        "reconcile: order {} payment {} not read, next tick: {}",
                        order.id(),
                        order.paymentId(),
                        e.getMessage());
            }
        }
        for (Refund refund : refunds.stuckWithProvider(settings.refundStuckAfter(), BATCH)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            try {
                ProviderRefund answer = provider.refund(refund.hyperswitchRefundId());
                if (!"succeeded".equals(answer.status()) && !"failed".equals(answer.status())) {
                    stillOpen++;
                    log.info("reconcile: refund {} still {} at the provider", refund.id(), answer.status());
                    continue;
                }
                var outcome = handler.handle(new ProviderEvent(
                        "reconcile:" + refund.hyperswitchRefundId() + ":" + answer.status(),
                        "refund_" + answer.status(),
                        refund.hyperswitchRefundId(),
                        answer.status(),
                        answer.updated(),
                        answer.errorMessage()));
                synced++;
                log.info(
                        "reconcile: refund {} synced to {}, stuck {}: {}",
                        refund.id(),
                        answer.status(),
                        stuckFor(refund.updatedAt()),
                        outcome);
            } catch (PaymentProviderException e) {
                readErrors++;
                log.warn("reconcile: refund {} not read, next tick: {}", refund.id(), e.getMessage());
            }
        }
        for (Refund orphan : refunds.orphans(settings.refundOrphanAfter(), BATCH)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            boolean failed = Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!refunds.move(
                        orphan.id(),
                        List.of("pending"),
                        "failed",
                        "orphaned: never sent to the provider (the server stopped between the two phases)",
                        null)) {
                    return false;
                }
                orders.move(orphan.orderId(), List.of("refund_pending"), "completed", null, null);
                return true;
            }));
            if (failed) {
                orphans++;
                log.error(
                        "reconcile: orphan refund {} of order {} failed and the order rolled back to completed,"
                                + " pending {} with no provider id",
                        orphan.id(),
                        orphan.orderId(),
                        stuckFor(orphan.createdAt()));
            }
        }
        return new Pass(synced, stillOpen, orphans, readErrors);
    }

    private String stuckFor(java.time.Instant since) {
        return Duration.between(since, clock.instant()).withNanos(0).toString();
    }

    /**
     * @param synced rows fed to the handler with the provider's terminal state
     * @param stillOpen rows the provider has not settled yet
     * @param orphansFailed refunds never sent to the provider, failed and rolled back
     * @param readErrors rows the provider could not be asked about, left for the next tick
     */
    public record Pass(int synced, int stillOpen, int orphansFailed, int readErrors) {}
}
