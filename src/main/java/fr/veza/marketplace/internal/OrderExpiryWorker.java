package fr.veza.marketplace.internal;

import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.ProviderPayment;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends orders nobody paid: an order still pending {@code ORDER_ABANDON_AFTER} after it was placed has its payment
 * cancelled at the provider, and the cancellation goes through the normal handler (the order fails), so a buyer
 * can no longer pay a basket they walked away from and the order stops waiting forever. The provider decides:
 * a payment that settled meanwhile is applied as it settled, a cancellation it refuses leaves the order for the
 * next run (which reads the settled state). An order whose payment was never created at all (the provider does
 * not know the id it would have had) is failed directly, guarded so that a payment created meanwhile wins.
 */
@Component
class OrderExpiryWorker implements PeriodicWorker {

    static final String ABANDONED = "abandoned: not paid in time";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(OrderExpiryWorker.class);

    private final OrderRepository orders;
    private final PaymentGateway payments;
    private final ProviderEventHandler handler;
    private final MarketplaceSettings.OrderExpiry settings;

    OrderExpiryWorker(
            OrderRepository orders,
            PaymentGateway payments,
            ProviderEventHandler handler,
            MarketplaceSettings settings) {
        this.orders = orders;
        this.payments = payments;
        this.handler = handler;
        this.settings = settings.orderExpiry();
    }

    @Override
    public String name() {
        return "order-expiry";
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
        int ended = 0;
        int failed = 0;
        for (OrderRepository.Unpaid order : orders.unpaidSince(run.startedAt().minus(settings.abandonAfter()), BATCH)) {
            if (run.stopping()) {
                break;
            }
            try {
                if (end(order)) {
                    ended++;
                }
            } catch (PaymentProviderException e) {
                failed++;
                log.warn("order-expiry: order {} left pending for the next run: {}", order.id(), e.getMessage());
            }
        }
        return new WorkReport(ended, failed);
    }

    private boolean end(OrderRepository.Unpaid order) {
        String paymentId = order.hasPayment()
                ? order.paymentId()
                : OrderService.paymentId(order.buyerId(), order.idempotencyKey());
        ProviderPayment payment;
        try {
            payment = payments.payment(paymentId);
        } catch (PaymentProviderException e) {
            if (e.status() == 404 && !order.hasPayment()) {
                boolean ended = orders.failWithoutPayment(order.id(), ABANDONED + " (no payment was created)");
                log.info("order-expiry: order {} failed, no payment was ever created", order.id());
                return ended;
            }
            throw e;
        }
        if (!order.hasPayment()) {
            // created at the provider before this instance could record it: record it, so the handler finds it
            orders.paymentCreated(order.id(), payment.paymentId(), payment.clientSecret());
        }
        if (ProviderEvent.settled("expiry", payment, null).isEmpty()) {
            payment = payments.cancelPayment(paymentId, "abandoned");
        }
        String status = payment.status();
        ProviderEvent settled = ProviderEvent.settled("expiry", payment, "cancelled".equals(status) ? ABANDONED : null)
                .orElseThrow(() -> new PaymentProviderException(
                        "payment " + paymentId + " is still " + status + " after its cancellation", 0, null));
        var outcome = handler.handle(settled);
        log.info("order-expiry: order {} payment {} {}: {}", order.id(), paymentId, payment.status(), outcome);
        return true;
    }
}
