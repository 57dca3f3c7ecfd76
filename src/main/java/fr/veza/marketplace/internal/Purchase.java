package fr.veza.marketplace.internal;

import fr.veza.marketplace.Money;
import java.time.Instant;
import java.util.UUID;

/** A product a buyer paid for; {@code revokedAt} is set when the order was refunded. */
public record Purchase(
        UUID id,
        UUID orderId,
        UUID productId,
        UUID buyerId,
        UUID sellerId,
        UUID trackId,
        String kind,
        String licenceTerms,
        Money price,
        Instant grantedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
