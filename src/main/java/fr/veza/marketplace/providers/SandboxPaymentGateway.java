package fr.veza.marketplace.providers;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in stand-in for Hyperswitch when no API key is configured, so the purchase and refund flow can be tried
 * locally. Its payments live in this process only; {@code POST /sandbox/...} settles them and delivers a signed
 * webhook through the real endpoint's verification and handler. Never used in production.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    private final Map<String, ProviderPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, ProviderRefund> refunds = new ConcurrentHashMap<>();
    private final Clock clock;

    public SandboxPaymentGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProviderPayment createPayment(NewPayment request) {
        return payments.computeIfAbsent(
                request.paymentId(),
                id -> new ProviderPayment(
                        id,
                        "requires_payment_method",
                        id + "_secret_sandbox" + UUID.randomUUID().toString().replace("-", ""),
                        request.amountMinor(),
                        request.currency(),
                        clock.instant()));
    }

    @Override
    public ProviderPayment payment(String paymentId) {
        ProviderPayment payment = payments.get(paymentId);
        if (payment == null) {
            throw new PaymentProviderException("sandbox: no payment " + paymentId, 404, null);
        }
        return payment;
    }

    @Override
    public ProviderPayment cancelPayment(String paymentId, String reason) {
        ProviderPayment payment = payment(paymentId);
        if (!payment.status().equals("requires_payment_method")) {
            throw new PaymentProviderException(
                    "sandbox: payment " + paymentId + " is " + payment.status() + " and cannot be cancelled",
                    400,
                    null);
        }
        ProviderPayment cancelled = new ProviderPayment(
                paymentId,
                "cancelled",
                payment.clientSecret(),
                payment.amountMinor(),
                payment.currency(),
                clock.instant());
        payments.put(paymentId, cancelled);
        return cancelled;
    }

    @Override
    public ProviderRefund createRefund(NewRefund request) {
        if (!payments.containsKey(request.paymentId())) {
            throw new PaymentProviderException("sandbox: no payment " + request.paymentId(), 404, null);
        }
        return refunds.computeIfAbsent(
                request.refundId(),
                id -> new ProviderRefund(id, request.paymentId(), "pending", null, clock.instant()));
    }

    @Override
    public ProviderRefund refund(String refundId) {
        ProviderRefund refund = refunds.get(refundId);
        if (refund == null) {
            throw new PaymentProviderException("sandbox: no refund " + refundId, 404, null);
        }
        return refund;
    }

    @Override
    public boolean sandbox() {
        return true;
    }

    /** Settles a payment as a buyer's bank would; empty when the sandbox never created it. */
    public Optional<ProviderPayment> settlePayment(String paymentId, boolean succeed) {
        return Optional.ofNullable(payments.computeIfPresent(
                paymentId,
                (id, p) -> new ProviderPayment(
                        id,
                        succeed ? "succeeded" : "failed",
                        p.clientSecret(),
                        p.amountMinor(),
                        p.currency(),
                        clock.instant())));
    }

    public Optional<ProviderRefund> settleRefund(String refundId, boolean succeed) {
        return Optional.ofNullable(refunds.computeIfPresent(
                refundId,
                (id, r) -> new ProviderRefund(
                        id,
                        r.paymentId(),
                        succeed ? "succeeded" : "failed",
                        succeed ? null : "declined by the sandbox",
                        clock.instant())));
    }
}
