package fr.veza.marketplace.internal;

import java.time.Instant;

/**
 * A payment or refund state from the provider: parsed from a webhook, or made up by the reconciler from what the
 * provider says now. {@code objectId} is the payment id or the refund id; {@code updated} the provider's own time
 * of the state, when known.
 */
public record ProviderEvent(
        String eventId, String eventType, String objectId, String status, Instant updated, String errorMessage) {

    /** The webhook type a payment's settled status would have come with; null while it is not settled. */
    static String forPaymentStatus(String status) {
        return switch (status == null ? "" : status) {
            case "succeeded" -> "payment_succeeded";
            case "failed" -> "payment_failed";
            case "cancelled" -> "payment_cancelled";
            default -> null;
        };
    }
}
