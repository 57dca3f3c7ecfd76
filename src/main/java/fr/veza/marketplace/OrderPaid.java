package fr.veza.marketplace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order whose payment succeeded: the buyer owns what it lists, and each seller has a sale. */
public record OrderPaid(UUID orderId, UUID buyerId, Instant paidAt, List<Line> lines) {

    public OrderPaid {
        lines = List.copyOf(lines);
    }

    /** One product sold; {@code sellerAmount} is the price minus the platform fee. */
    public record Line(UUID productId, UUID sellerId, UUID trackId, String kind, Money price, Money sellerAmount) {}
}
