package fr.veza.marketplace.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A buyer's order: {@code pending} until the payment's terminal webhook, then completed or failed. */
public record Order(
        UUID id,
        UUID buyerId,
        String status,
        Money total,
        String paymentId,
        String clientSecret,
        String failureReason,
        String requestHash,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Instant providerUpdatedAt,
        List<Line> lines) {

    /** The lines {@code viewer} may see: all of them for the buyer and admins, a seller's own lines for a seller. */
    public List<Line> linesSeenBy(CurrentUser viewer) {
        if (buyerId.equals(viewer.id()) || viewer.isAdmin()) {
            return lines;
        }
        return lines.stream().filter(l -> l.sellerId().equals(viewer.id())).toList();
    }

    public boolean involves(UUID userId) {
        return buyerId.equals(userId)
                || lines.stream().anyMatch(l -> l.sellerId().equals(userId));
    }

    /** Whether a provider state of {@code time} is older than the one already applied to this order. */
    boolean newerThan(Instant time) {
        return time != null && providerUpdatedAt != null && providerUpdatedAt.isAfter(time);
    }

    Order withLines(List<Line> lines) {
        return new Order(
                id,
                buyerId,
                status,
                total,
                paymentId,
                clientSecret,
                failureReason,
                requestHash,
                createdAt,
                updatedAt,
                completedAt,
                providerUpdatedAt,
                lines);
    }

    /** One product bought, at the price paid; {@code platformFeeMinor} is the platform's share of it. */
    public record Line(
            UUID id,
            UUID productId,
            UUID sellerId,
            UUID trackId,
            String kind,
            String licenceTerms,
            Money price,
            long platformFeeMinor) {

        public long sellerAmountMinor() {
            return price.minor() - platformFeeMinor;
        }
    }
}
