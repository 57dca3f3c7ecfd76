package fr.veza.marketplace.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a payout to a seller stands, with the only moves allowed between states. A self-move (failed to failed,
 * reversal_pending to reversal_pending) records another failed attempt.
 */
public enum TransferStatus {
    /** The seller cannot be paid yet: no Stripe account ready for payouts. */
    AWAITING_ONBOARDING,
    /** To be sent (or being sent) to Stripe. */
    PENDING,
    COMPLETED,
    /** Stripe refused or could not be reached; retried by the transfer-retry worker. */
    FAILED,
    /** Never sent, and the order was refunded: nothing is owed. */
    CANCELLED,
    /** The order was refunded after the payout: the reversal worker takes the money back. */
    REVERSAL_PENDING,
    REVERSED,
    /** Retries exhausted, or the transfer cannot exist at Stripe: an operator decides. */
    PERMANENTLY_FAILED;

    private static final Map<TransferStatus, Set<TransferStatus>> ALLOWED = Map.of(
            AWAITING_ONBOARDING, EnumSet.of(PENDING, CANCELLED),
            PENDING, EnumSet.of(COMPLETED, FAILED, CANCELLED),
            FAILED, EnumSet.of(FAILED, PENDING, PERMANENTLY_FAILED, CANCELLED),
            COMPLETED, EnumSet.of(REVERSAL_PENDING),
            // a send that was in flight when the refund cancelled the payout landed after all: take it back
            CANCELLED, EnumSet.of(REVERSAL_PENDING),
            REVERSAL_PENDING, EnumSet.of(REVERSAL_PENDING, REVERSED, PERMANENTLY_FAILED),
            REVERSED, EnumSet.noneOf(TransferStatus.class),
            // an operator's retry: of the payout if it never left, of the reversal if it did
            PERMANENTLY_FAILED, EnumSet.of(PENDING, REVERSAL_PENDING));

    public boolean canMoveTo(TransferStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransferStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
