package fr.veza.marketplace.web;

import fr.veza.marketplace.Money;
import fr.veza.marketplace.internal.Order;
import fr.veza.marketplace.internal.Product;
import fr.veza.marketplace.internal.Purchase;
import fr.veza.marketplace.internal.Refund;
import fr.veza.marketplace.internal.SellerAccount;
import fr.veza.marketplace.internal.Transfer;
import fr.veza.marketplace.internal.WebhookLogEntry;
import fr.veza.platform.config.AcceptedCurrency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the marketplace answers and accepts, as the API shows it. */
final class MarketplaceViews {

    private MarketplaceViews() {}

    /** A price in the currency's minor unit: {@code {"amount": 499, "currency": "EUR"}} is 4.99 €. */
    record Price(
            @NotNull @Positive @Max(100_000_000) Long amount,

            @NotNull
            @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR")
            @AcceptedCurrency
            String currency) {

        Money money() {
            try {
                return new Money(amount, currency);
            } catch (IllegalArgumentException unknown) {
                throw fr.veza.platform.errors.VezaException.invalid("price.currency", "unknown currency " + currency);
            }
        }

        static Price of(Money money) {
            return new Price(money.minor(), money.currency());
        }
    }

    record ProductView(
            UUID id,
            UUID sellerId,
            UUID trackId,
            String kind,
            String licenceTerms,
            Price price,
            String status,
            Instant createdAt,
            Instant updatedAt) {

        static ProductView of(Product p) {
            return new ProductView(
                    p.id(),
                    p.sellerId(),
                    p.trackId(),
                    p.kind(),
                    p.licenceTerms(),
                    Price.of(p.price()),
                    p.status(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    /**
     * An order. {@code payment} carries what a browser needs to pay with Hyperswitch's SDK: the payment id and
     * client secret, only for the buyer and only while the order is pending.
     */
    record OrderView(
            UUID id,
            UUID buyerId,
            String status,
            Price total,
            String failureReason,
            Payment payment,
            List<LineView> lines,
            List<RefundView> refunds,
            Instant createdAt,
            Instant completedAt) {

        static OrderView of(Order o, fr.veza.identity.CurrentUser viewer, List<Refund> refunds, boolean sandbox) {
            boolean buyer = o.buyerId().equals(viewer.id());
            Payment payment = buyer && o.paymentId() != null
                    ? new Payment(
                            "hyperswitch",
                            o.paymentId(),
                            "pending".equals(o.status()) ? o.clientSecret() : null,
                            sandbox && "pending".equals(o.status())
                                    ? "/api/v1/sandbox/payments/" + o.paymentId() + "/succeed"
                                    : null,
                            sandbox)
                    : null;
            List<LineView> lines =
                    o.linesSeenBy(viewer).stream().map(LineView::of).toList();
            return new OrderView(
                    o.id(),
                    o.buyerId(),
                    o.status(),
                    Price.of(o.total()),
                    o.failureReason(),
                    payment,
                    lines,
                    refunds.stream().map(RefundView::of).toList(),
                    o.createdAt(),
                    o.completedAt());
        }
    }

    /** @param sandboxSettleUrl in the sandbox only: POST here to play the bank and settle the payment */
    record Payment(String provider, String paymentId, String clientSecret, String sandboxSettleUrl, boolean sandbox) {}

    record LineView(UUID productId, UUID sellerId, UUID trackId, String kind, String licenceTerms, Price price) {

        static LineView of(Order.Line l) {
            return new LineView(
                    l.productId(), l.sellerId(), l.trackId(), l.kind(), l.licenceTerms(), Price.of(l.price()));
        }
    }

    record RefundView(
            UUID id,
            String status,
            Price amount,
            String reason,
            String providerRefundId,
            String errorMessage,
            Instant createdAt,
            Instant updatedAt) {

        static RefundView of(Refund r) {
            return new RefundView(
                    r.id(),
                    r.status(),
                    Price.of(r.amount()),
                    r.reason(),
                    r.hyperswitchRefundId(),
                    r.errorMessage(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }

    record PurchaseView(
            UUID id,
            UUID orderId,
            UUID productId,
            UUID trackId,
            String kind,
            Price price,
            Instant grantedAt,
            Instant revokedAt,
            String downloadUrl,
            String licenceUrl) {

        static PurchaseView of(Purchase p) {
            return new PurchaseView(
                    p.id(),
                    p.orderId(),
                    p.productId(),
                    p.trackId(),
                    p.kind(),
                    Price.of(p.price()),
                    p.grantedAt(),
                    p.revokedAt(),
                    p.active() ? "/api/v1/marketplace/purchases/" + p.id() + "/download" : null,
                    p.active() && "licence".equals(p.kind())
                            ? "/api/v1/marketplace/purchases/" + p.id() + "/licence"
                            : null);
        }
    }

    /** The licence a buyer holds: who may use which track, on which terms, since when. */
    record LicenceView(
            UUID licenceId,
            UUID buyerId,
            UUID sellerId,
            UUID trackId,
            UUID orderId,
            String terms,
            Price pricePaid,
            Instant grantedAt) {

        static LicenceView of(Purchase p) {
            return new LicenceView(
                    p.id(),
                    p.buyerId(),
                    p.sellerId(),
                    p.trackId(),
                    p.orderId(),
                    p.licenceTerms(),
                    Price.of(p.price()),
                    p.grantedAt());
        }
    }

    record SellerView(
            String stripeAccountId,
            boolean detailsSubmitted,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean readyForPayouts,
            Instant refreshedAt) {

        static SellerView of(SellerAccount a) {
            return new SellerView(
                    a.stripeAccountId(),
                    a.detailsSubmitted(),
                    a.chargesEnabled(),
                    a.payoutsEnabled(),
                    a.payoutsEnabled(),
                    a.refreshedAt());
        }
    }

    record OnboardingView(String onboardingUrl, SellerView account) {}

    record TransferView(
            UUID id,
            UUID orderId,
            UUID sellerId,
            Price amount,
            Price platformFee,
            String status,
            String stripeTransferId,
            String stripeReversalId,
            int retryCount,
            Instant nextRetryAt,
            String lastError,
            Instant createdAt,
            Instant updatedAt) {

        static TransferView of(Transfer t) {
            return new TransferView(
                    t.id(),
                    t.orderId(),
                    t.sellerId(),
                    new Price(t.amountMinor(), t.currency()),
                    new Price(t.platformFeeMinor(), t.currency()),
                    t.status().value(),
                    t.stripeTransferId(),
                    t.stripeReversalId(),
                    t.retryCount(),
                    t.nextRetryAt(),
                    t.lastError(),
                    t.createdAt(),
                    t.updatedAt());
        }
    }

    record WebhookLogView(
            long id,
            String eventType,
            boolean signatureValid,
            String processingResult,
            String sourceIp,
            String userAgent,
            String requestId,
            Instant receivedAt,
            String payload) {

        static WebhookLogView of(WebhookLogEntry e) {
            return new WebhookLogView(
                    e.id(),
                    e.eventType(),
                    e.signatureValid(),
                    e.processingResult(),
                    e.sourceIp(),
                    e.userAgent(),
                    e.requestId(),
                    e.receivedAt(),
                    e.payload());
        }
    }
}
