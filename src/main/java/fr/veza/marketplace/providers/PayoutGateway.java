package fr.veza.marketplace.providers;

import java.util.Map;

/** Stripe Connect (or the built-in sandbox): seller accounts, transfers to them, and reversals of transfers. */
public interface PayoutGateway {

    /** Creates an Express account; the idempotency key makes a retried call return the same account. */
    String createAccount(String idempotencyKey, String email, Map<String, String> metadata);

    /** A one-time link where the seller completes onboarding at the provider. */
    String onboardingLink(String accountId, String returnUrl, String refreshUrl);

    AccountState account(String accountId);

    /** Sends money to a connected account; the same idempotency key never sends twice. */
    String transfer(
            String idempotencyKey,
            String accountId,
            long amountMinor,
            String currency,
            String group,
            Map<String, String> metadata);

    /**
     * Reverses a whole transfer and answers the reversal's id.
     *
     * @throws TransferAlreadyReversedException the provider refused because nothing is left to reverse
     * @throws TransferNotFoundException the provider does not know the transfer
     * @throws PaymentProviderException anything else, worth trying again
     */
    String reverse(String transferId, String idempotencyKey);

    boolean sandbox();

    record AccountState(boolean detailsSubmitted, boolean chargesEnabled, boolean payoutsEnabled) {}

    class TransferAlreadyReversedException extends RuntimeException {
        public TransferAlreadyReversedException(String transferId) {
            super("transfer " + transferId + " is already fully reversed");
        }
    }

    class TransferNotFoundException extends RuntimeException {
        public TransferNotFoundException(String transferId) {
            super("transfer " + transferId + " does not exist at the provider");
        }
    }
}
