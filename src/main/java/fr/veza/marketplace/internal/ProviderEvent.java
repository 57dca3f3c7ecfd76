package fr.veza.marketplace.internal;

import fr.veza.marketplace.providers.ProviderPayment;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment or refund state from the provider: parsed from a webhook, or made up by the reconciler from what the
 * provider says now. {@code objectId} is the payment id or the refund id; {@code updated} the provider's own time
 * of the state, when known.
 */
public record ProviderEvent(
        String eventId, String eventType, String objectId, String status, Instant updated, String errorMessage) {

    /**
     * The event a settled payment's webhook would have been, made up by a worker ({@code origin} keeps its id apart
     * from the provider's own); empty while the payment is not settled.
     */
    static Optional<ProviderEvent> settled(String origin, ProviderPayment payment, String errorMessage) {
        String type = switch (payment.status() == null ? "" : payment.status()) {
            case "succeeded" -> "payment_succeeded";
            case "failed" -> "payment_failed";
            case "cancelled" -> "payment_cancelled";
            default -> null;
        };
        return Optional.ofNullable(type)
                .map(t -> new ProviderEvent(
                        origin + ":" + payment.paymentId() + ":" + payment.status(),
                        t,
                        payment.paymentId(),
                        payment.status(),
                        payment.updated(),
                        errorMessage));
    }
}
