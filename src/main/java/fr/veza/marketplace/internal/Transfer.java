package fr.veza.marketplace.internal;

import java.time.Instant;
import java.util.UUID;

/** A payout to a seller for one order line: the price minus the platform fee. */
public record Transfer(
        UUID id,
        UUID orderId,
        UUID orderLineId,
        UUID sellerId,
        long amountMinor,
        long platformFeeMinor,
        String currency,
        TransferStatus status,
        String stripeAccountId,
        String stripeTransferId,
        String stripeReversalId,
        int retryCount,
        Instant nextRetryAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    /** The key Stripe deduplicates this payout on: a retried send can never pay twice. */
    String transferIdempotencyKey() {
        return "veza-transfer-" + id;
    }

    String reversalIdempotencyKey() {
        return "veza-reversal-" + id;
    }

    boolean hasStripeTransfer() {
        return stripeTransferId != null && !stripeTransferId.isBlank();
    }
}
