package fr.veza.marketplace.internal;

import fr.veza.marketplace.Money;
import fr.veza.marketplace.OrderPaid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies payment and refund states, whoever reports them (a webhook, the reconciler, the refund call itself). Each
 * event is applied in one transaction with its id recorded, and only to a row still in a state it may leave and not
 * newer than the event: a repeated, replayed or late delivery changes nothing.
 */
@Component
public class ProviderEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ProviderEventHandler.class);

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final PurchaseRepository purchases;
    private final TransferRepository transfers;
    private final TransferStateMachine transitions;
    private final SellerAccountRepository sellers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderEventHandler(
            OrderRepository orders,
            RefundRepository refunds,
            PurchaseRepository purchases,
            TransferRepository transfers,
            TransferStateMachine transitions,
            SellerAccountRepository sellers,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.purchases = purchases;
        this.transfers = transfers;
        this.transitions = transitions;
        this.sellers = sellers;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Applies the event; what it did is the answer ({@code ok}, or {@code skipped} and why). */
    public Outcome handle(ProviderEvent event) {
        return transactions.execute(tx -> {
            if (!firstDelivery(event.eventId())) {
                return Outcome.skipped("event " + event.eventId() + " already processed");
            }
            Outcome outcome;
            try {
                outcome = switch (event.eventType()) {
                    case "payment_succeeded" -> paymentSucceeded(event);
                    case "payment_failed", "payment_cancelled" -> paymentFailed(event);
                    case "refund_succeeded" -> refundSucceeded(event);
                    case "refund_failed" -> refundFailed(event);
                    default -> Outcome.skipped(event.eventType() + " changes nothing here");
                };
            } catch (Skip skip) {
                outcome = Outcome.skipped(skip.getMessage());
            }
            log.info("provider event {} {} {}: {}", event.eventId(), event.eventType(), event.objectId(), outcome);
            return outcome;
        });
    }

    private Outcome paymentSucceeded(ProviderEvent event) {
        Order order = lockedOrder(event);
        if (!orders.move(order.id(), List.of("pending", "failed"), "completed", event.updated(), null)) {
            return Outcome.skipped("order " + order.id() + " is already " + order.status());
        }
        Instant now = clock.instant();
        List<OrderPaid.Line> sold = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            purchases.grant(order.buyerId(), line, now);
            createTransfer(order, line);
            sold.add(new OrderPaid.Line(
                    line.productId(),
                    line.sellerId(),
                    line.trackId(),
                    line.kind(),
                    line.price(),
                    new Money(line.sellerAmountMinor(), line.price().currency())));
        }
        events.publishEvent(new OrderPaid(order.id(), order.buyerId(), now, sold));
        return Outcome.ok("order " + order.id() + " completed");
    }

    /** The payout's status is decided here, before the row exists: pending if the seller can be paid. */
    private void createTransfer(Order order, Order.Line line) {
        if (line.sellerAmountMinor() <= 0) {
            return; // the platform's fee took the whole price: nothing to pay out
        }
        Optional<SellerAccount> account = sellers.find(line.sellerId()).filter(SellerAccount::payoutsEnabled);
        TransferStatus status = account.isPresent() ? TransferStatus.PENDING : TransferStatus.AWAITING_ONBOARDING;
        transfers.create(new Transfer(
                UUID.randomUUID(),
                order.id(),
                line.id(),
                line.sellerId(),
                line.sellerAmountMinor(),
                line.platformFeeMinor(),
                line.price().currency(),
                status,
                account.map(SellerAccount::stripeAccountId).orElse(null),
                null,
                null,
                0,
                null,
                account.isPresent() ? null : "the seller has not finished payout onboarding",
                null,
                null));
    }

    private Outcome paymentFailed(ProviderEvent event) {
        Order order = lockedOrder(event);
        String reason = event.errorMessage() == null ? "the payment failed" : event.errorMessage();
        if (!orders.move(order.id(), List.of("pending"), "failed", event.updated(), reason)) {
            return Outcome.skipped("order " + order.id() + " is already " + order.status());
        }
        return Outcome.ok("order " + order.id() + " failed");
    }

    /**
     * The buyer's refund completes now, whatever Stripe's state: the licence is revoked, paid-out transfers wait
     * for the reversal worker, and payouts never sent are cancelled.
     */
    private Outcome refundSucceeded(ProviderEvent event) {
        Refund refund = lockedRefund(event);
        Order order = orders.lock(refund.orderId()).orElseThrow();
        // a refund marked failed because phase 2 lost the provider's answer may still succeed at the provider
        if (!refunds.move(refund.id(), List.of("pending", "failed"), "succeeded", null, event.updated())) {
            return Outcome.skipped("refund " + refund.id() + " is already " + refund.status());
        }
        refunds.providerAccepted(refund.id(), event.objectId());
        orders.move(order.id(), List.of("refund_pending", "completed"), "refunded", null, null);
        purchases.revoke(order.id());
        Instant now = clock.instant();
        for (Transfer transfer : transfers.forOrder(order.id())) {
            switch (transfer.status()) {
                case COMPLETED ->
                    transitions.transition(
                            transfer, TransferStatus.REVERSAL_PENDING, TransferStateMachine.Extras.dueNow(now));
                case AWAITING_ONBOARDING, PENDING, FAILED ->
                    transitions.transition(
                            transfer, TransferStatus.CANCELLED, TransferStateMachine.Extras.gaveUp("order refunded"));
                default ->
                    log.info(
                            "transfer {} left {} by the refund",
                            transfer.id(),
                            transfer.status().value());
            }
        }
        return Outcome.ok("refund " + refund.id() + " succeeded, order " + order.id() + " refunded");
    }

    private Outcome refundFailed(ProviderEvent event) {
        Refund refund = lockedRefund(event);
        String error = event.errorMessage() == null ? "the provider refused the refund" : event.errorMessage();
        if (!refunds.move(refund.id(), List.of("pending"), "failed", error, event.updated())) {
            return Outcome.skipped("refund " + refund.id() + " is already " + refund.status());
        }
        orders.move(refund.orderId(), List.of("refund_pending"), "completed", null, null);
        return Outcome.ok("refund " + refund.id() + " failed: " + error);
    }

    /** The order the event is about, locked for this transaction, unless the event is older than its state. */
    private Order lockedOrder(ProviderEvent event) {
        Order order = orders.lockByPayment(event.objectId())
                .orElseThrow(() -> new Skip("no order has payment " + event.objectId()));
        if (order.newerThan(event.updated())) {
            throw new Skip("older than the order's last provider state");
        }
        return order;
    }

    private Refund lockedRefund(ProviderEvent event) {
        Refund refund =
                refunds.lockByProviderId(event.objectId()).orElseThrow(() -> new Skip("no refund " + event.objectId()));
        if (refund.newerThan(event.updated())) {
            throw new Skip("older than the refund's last provider state");
        }
        return refund;
    }

    /** Why an event changes nothing; caught in {@link #handle}, so the transaction still records the event id. */
    private static final class Skip extends RuntimeException {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    private boolean firstDelivery(String eventId) {
        return jdbc.sql("INSERT INTO hyperswitch_processed_events (event_id) VALUES (:id) ON CONFLICT DO NOTHING")
                        .param("id", eventId)
                        .update()
                == 1;
    }

    /** @param applied false when the event changed nothing ({@code skipped}) */
    public record Outcome(boolean applied, String detail) {

        static Outcome ok(String detail) {
            return new Outcome(true, detail);
        }

        static Outcome skipped(String detail) {
            return new Outcome(false, detail);
        }

        /** The log's {@code processing_result}: {@code ok} or {@code skipped}. */
        public String result() {
            return applied ? "ok" : "skipped";
        }

        @Override
        public String toString() {
            return result() + " (" + detail + ")";
        }
    }
}
