package fr.veza.marketplace.internal;

import fr.veza.marketplace.OrderPaid;
import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.PayoutGateway;
import fr.veza.platform.worker.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends pending payouts to Stripe, each with its own idempotency key, so a send repeated after a crash or by two
 * instances pays once. Runs after an order's payment committed (through the outbox, so a crash before the send is
 * retried) and from the transfer-retry worker.
 */
@Component
class TransferSender {

    private static final Logger log = LoggerFactory.getLogger(TransferSender.class);
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(24);

    private final TransferRepository transfers;
    private final TransferStateMachine transitions;
    private final PayoutGateway payouts;
    private final MarketplaceSettings settings;
    private final Clock clock;

    TransferSender(
            TransferRepository transfers,
            TransferStateMachine transitions,
            PayoutGateway payouts,
            MarketplaceSettings settings,
            Clock clock) {
        this.transfers = transfers;
        this.transitions = transitions;
        this.payouts = payouts;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        transfers.forOrder(event.orderId()).stream()
                .filter(t -> t.status() == TransferStatus.PENDING)
                .forEach(this::send);
    }

    /** Sends one pending payout; true when Stripe took it. */
    boolean send(Transfer transfer) {
        String stripeTransferId;
        try {
            stripeTransferId = payouts.transfer(
                    transfer.transferIdempotencyKey(),
                    transfer.stripeAccountId(),
                    transfer.amountMinor(),
                    transfer.currency(),
                    "order-" + transfer.orderId(),
                    Map.of(
                            "veza_transfer_id",
                            transfer.id().toString(),
                            "veza_order_id",
                            transfer.orderId().toString()));
        } catch (PaymentProviderException e) {
            Duration wait = backoff(transfer.retryCount());
            transitions.transition(
                    transfer,
                    TransferStatus.FAILED,
                    TransferStateMachine.Extras.failedAttempt(
                            e.getMessage(), clock.instant().plus(wait)));
            log.warn(
                    "transfer {}: send failed (attempt {}), next try in {}: {}",
                    transfer.id(),
                    transfer.retryCount() + 1,
                    wait,
                    e.getMessage());
            return false;
        }
        if (transitions.transition(
                transfer, TransferStatus.COMPLETED, TransferStateMachine.Extras.sent(stripeTransferId))) {
            log.info("transfer {}: sent to {} as {}", transfer.id(), transfer.stripeAccountId(), stripeTransferId);
            return true;
        }
        // the order was refunded while Stripe was paying out: the money left, so it must come back
        transfers
                .find(transfer.id())
                .filter(now -> now.status() == TransferStatus.CANCELLED)
                .ifPresent(cancelled -> transitions.transition(
                        cancelled,
                        TransferStatus.REVERSAL_PENDING,
                        new TransferStateMachine.Extras(
                                null,
                                stripeTransferId,
                                null,
                                "sent after the order was refunded",
                                TransferStateMachine.Retry.RESET,
                                clock.instant())));
        return true;
    }

    /** TRANSFER_RETRY_INTERVAL doubled per failed attempt, at most a day. */
    Duration backoff(int failedAttempts) {
        return Backoff.doubling(settings.transferRetry().interval(), Math.min(failedAttempts, 16), LONGEST_BACKOFF);
    }
}
