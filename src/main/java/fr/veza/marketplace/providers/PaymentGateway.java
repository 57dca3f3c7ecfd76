package fr.veza.marketplace.providers;

/** The payment provider (Hyperswitch, or the built-in sandbox). Failures throw {@link PaymentProviderException}. */
public interface PaymentGateway extends PaymentStatusReader {

    /**
     * Creates a payment the buyer confirms in the browser. {@code request.paymentId()} is ours and derived from the
     * order's idempotency key, so a retried call can never create a second payment.
     */
    ProviderPayment createPayment(NewPayment request);

    /** Asks the provider to refund; {@code request.refundId()} is ours, so a retried call refunds once. */
    ProviderRefund createRefund(NewRefund request);

    /**
     * Cancels a payment the buyer never completed; the provider refuses once the payment is settled or settling,
     * and the answer is the payment as it now is.
     */
    ProviderPayment cancelPayment(String paymentId, String reason);

    /** True for the built-in sandbox: answers say so, and production refuses it. */
    boolean sandbox();

    record NewPayment(
            String paymentId,
            String idempotencyKey,
            long amountMinor,
            String currency,
            String orderId,
            String description) {}

    record NewRefund(String refundId, String paymentId, long amountMinor, String reason) {}
}
