package fr.veza.marketplace.internal;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way a payout's status changes. The move must be in {@link TransferStatus}'s table, and the UPDATE only
 * applies while the row is still in the state the caller read: no row updated means another worker won, or the
 * caller's view was stale. A build test ({@code TransferStatusWritesTests}) fails if any other code writes the
 * status.
 */
@Component
public class TransferStateMachine {

    private static final Logger log = LoggerFactory.getLogger(TransferStateMachine.class);

    private final JdbcClient jdbc;

    TransferStateMachine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves {@code transfer} from the status it was read in to {@code to}.
     *
     * @return false when the row was no longer in that status (a concurrent winner, or stale state)
     * @throws IllegalTransferTransitionException when the table does not allow the move
     */
    public boolean transition(Transfer transfer, TransferStatus to, Extras extras) {
        TransferStatus from = transfer.status();
        if (!from.canMoveTo(to)) {
            throw new IllegalTransferTransitionException(transfer.id(), from, to);
        }
        int updated = jdbc.sql("""
                        UPDATE seller_transfers SET status = :to, updated_at = now(),
                            stripe_account_id = COALESCE(:account, stripe_account_id),
                            stripe_transfer_id = COALESCE(:transferId, stripe_transfer_id),
                            stripe_reversal_id = COALESCE(:reversalId, stripe_reversal_id),
                            last_error = :error,
                            retry_count = CASE :retry WHEN 'increment' THEN retry_count + 1
                                                      WHEN 'reset' THEN 0 ELSE retry_count END,
                            next_retry_at = :nextRetryAt
                        WHERE id = :id AND status = :from
                        """)
                .param("to", to.value())
                .param("account", extras.stripeAccountId())
                .param("transferId", extras.stripeTransferId())
                .param("reversalId", extras.stripeReversalId())
                .param("error", extras.error())
                .param("retry", extras.retry().name().toLowerCase(java.util.Locale.ROOT))
                .param(
                        "nextRetryAt",
                        extras.nextRetryAt() == null ? null : java.sql.Timestamp.from(extras.nextRetryAt()))
                .param("id", transfer.id())
                .param("from", from.value())
                .update();
        if (updated == 0) {
            log.info(
                    "transfer {}: {} -> {} not applied, the row is no longer {}",
                    transfer.id(),
                    from.value(),
                    to.value(),
                    from.value());
            return false;
        }
        log.info(
                "transfer {}: {} -> {}{}",
                transfer.id(),
                from.value(),
                to.value(),
                extras.error() == null ? "" : " (" + extras.error() + ")");
        return true;
    }

    public enum Retry {
        KEEP,
        INCREMENT,
        RESET
    }

    /** What else the move records; null fields keep the stored value, except error and next retry (cleared). */
    public record Extras(
            String stripeAccountId,
            String stripeTransferId,
            String stripeReversalId,
            String error,
            Retry retry,
            Instant nextRetryAt) {

        public static Extras none() {
            return new Extras(null, null, null, null, Retry.KEEP, null);
        }

        public static Extras sent(String stripeTransferId) {
            return new Extras(null, stripeTransferId, null, null, Retry.KEEP, null);
        }

        public static Extras reversed(String stripeReversalId) {
            return new Extras(null, null, stripeReversalId, null, Retry.KEEP, null);
        }

        public static Extras failedAttempt(String error, Instant nextRetryAt) {
            return new Extras(null, null, null, error, Retry.INCREMENT, nextRetryAt);
        }

        public static Extras gaveUp(String error) {
            return new Extras(null, null, null, error, Retry.KEEP, null);
        }

        public static Extras dueNow(Instant now) {
            return new Extras(null, null, null, null, Retry.RESET, now);
        }

        public Extras withAccount(String stripeAccountId) {
            return new Extras(stripeAccountId, stripeTransferId, stripeReversalId, error, retry, nextRetryAt);
        }
    }

    public static class IllegalTransferTransitionException extends IllegalStateException {
        IllegalTransferTransitionException(java.util.UUID id, TransferStatus from, TransferStatus to) {
            super("transfer " + id + ": " + from.value() + " -> " + to.value() + " is not an allowed transition");
        }
    }
}
