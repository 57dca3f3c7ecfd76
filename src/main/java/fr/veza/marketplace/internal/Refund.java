package fr.veza.marketplace.internal;

import fr.veza.marketplace.Money;
import java.time.Instant;
import java.util.UUID;

/** A refund of a whole order; {@code hyperswitchRefundId} is null until the provider accepted phase 2. */
public record Refund(
        UUID id,
        UUID orderId,
        UUID requestedBy,
        String status,
        Money amount,
        String reason,
        String hyperswitchRefundId,
        String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        Instant providerUpdatedAt) {

    /** Whether a provider state of {@code time} is older than the one already applied to this refund. */
    boolean newerThan(Instant time) {
        return time != null && providerUpdatedAt != null && providerUpdatedAt.isAfter(time);
    }

    /** Ours, sent to the provider: a retried phase 2 can never refund twice. */
    String providerRefundId() {
        return providerRefundId(id);
    }

    static String providerRefundId(UUID id) {
        return "ref_" + id.toString().replace("-", "");
    }
}
