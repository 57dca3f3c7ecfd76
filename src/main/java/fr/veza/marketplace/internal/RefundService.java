package fr.veza.marketplace.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.ProviderRefund;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds in two phases. Phase 1 commits a pending refund with no provider id and marks the order
 * {@code refund_pending}; phase 2 asks Hyperswitch (with our refund id, so a retry refunds once) and stores its
 * id. A process that stops between the phases leaves an orphan the reconciler fails after
 * {@code RECONCILE_REFUND_ORPHAN_AFTER}, rolling the order back to completed.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final PaymentGateway payments;
    private final ProviderEventHandler outcomes;
    private final TransactionTemplate transactions;
    private final MarketplaceSettings settings;
    private final Clock clock;

    RefundService(
            OrderRepository orders,
            RefundRepository refunds,
            PaymentGateway payments,
            ProviderEventHandler outcomes,
            TransactionTemplate transactions,
            MarketplaceSettings settings,
            Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.payments = payments;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The buyer within the refund window, or an admin at any time. */
    public Refund request(CurrentUser user, UUID orderId, String reason) {
        Refund refund = recordPending(user, orderId, reason);
        return askProvider(refund);
    }

    Refund recordPending(CurrentUser user, UUID orderId, String reason) {
        return transactions.execute(tx -> {
            Order order = orders.lock(orderId)
                    .filter(o -> user.isAdmin() || o.buyerId().equals(user.id()))
                    .orElseThrow(() -> VezaException.notFound("Order " + orderId));
            if (!"completed".equals(order.status())) {
                throw new VezaException(
                        ErrorCode.REFUND_NOT_ALLOWED,
                        "Only a completed order can be refunded; this one is " + order.status() + ".");
            }
            if (!user.isAdmin()
                    && order.completedAt().plus(settings.refundWindow()).isBefore(clock.instant())) {
                throw new VezaException(
                        ErrorCode.REFUND_NOT_ALLOWED,
                        "The refund window of " + settings.refundWindow().toDays() + " days has passed.");
            }
            UUID id = UUID.randomUUID();
            try {
                refunds.insertPending(id, orderId, user.id(), order.total(), reason);
            } catch (DuplicateKeyException alreadyRefunding) {
                throw new VezaException(ErrorCode.REFUND_NOT_ALLOWED, "This order already has a refund.");
            }
            orders.move(orderId, List.of("completed"), "refund_pending", null, null);
            log.info("refund {}: phase 1 recorded for order {} by {}", id, orderId, user.id());
            return refunds.find(id).orElseThrow();
        });
    }

    Refund askProvider(Refund refund) {
        Order order = orders.find(refund.orderId()).orElseThrow();
        ProviderRefund answer;
        try {
            answer = payments.createRefund(new PaymentGateway.NewRefund(
                    refund.providerRefundId(),
                    order.paymentId(),
                    refund.amount().minor(),
                    refund.reason()));
        } catch (PaymentProviderException e) {
            // should the provider have refunded after all, its refund_succeeded webhook still finds this refund
            transactions.executeWithoutResult(tx -> {
                refunds.move(refund.id(), List.of("pending"), "failed", e.getMessage(), null);
                orders.move(refund.orderId(), List.of("refund_pending"), "completed", null, null);
            });
            log.warn(
                    "refund {}: phase 2 failed, order {} back to completed: {}",
                    refund.id(),
                    order.id(),
                    e.getMessage());
            throw new VezaException(
                    ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
                    "The payment provider did not take the refund; nothing was refunded. Try again later.");
        }
        refunds.providerAccepted(refund.id(), answer.refundId());
        log.info(
                "refund {}: phase 2 accepted by the provider as {} ({})",
                refund.id(),
                answer.refundId(),
                answer.status());
        if ("succeeded".equals(answer.status()) || "failed".equals(answer.status())) {
            outcomes.handle(new ProviderEvent(
                    "refund-answer:" + answer.refundId() + ":" + answer.status(),
                    "refund_" + answer.status(),
                    answer.refundId(),
                    answer.status(),
                    answer.updated(),
                    answer.errorMessage()));
        }
        return refunds.find(refund.id()).orElseThrow();
    }

    /** The refunds of each of {@code orderIds}; an order without any is absent. */
    public Map<UUID, List<Refund>> forOrders(Collection<UUID> orderIds) {
        return refunds.forOrders(orderIds);
    }
}
