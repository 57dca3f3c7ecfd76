package fr.veza.marketplace.providers;

/** The read-only part of the payment provider: all the reconciliation worker may use. */
public interface PaymentStatusReader {

    ProviderPayment payment(String paymentId);

    ProviderRefund refund(String refundId);
}
