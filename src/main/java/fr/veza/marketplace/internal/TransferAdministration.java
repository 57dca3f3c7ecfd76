package fr.veza.marketplace.internal;

import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What operators do with payouts: list them by status, and retry one that failed. */
@Service
public class TransferAdministration {

    private static final Logger log = LoggerFactory.getLogger(TransferAdministration.class);

    private final TransferRepository transfers;
    private final TransferStateMachine transitions;
    private final TransferSender sender;
    private final Clock clock;

    TransferAdministration(
            TransferRepository transfers, TransferStateMachine transitions, TransferSender sender, Clock clock) {
        this.transfers = transfers;
        this.transitions = transitions;
        this.sender = sender;
        this.clock = clock;
    }

    public CursorPage<Transfer> list(TransferStatus status, Cursor after, int limit) {
        return CursorPage.of(
                transfers.page(null, status, after, limit + 1), limit, t -> new Cursor(t.createdAt(), t.id()));
    }

    /**
     * A failed payout is sent again now, with fresh attempts; a permanently failed one too, or, if the money had
     * left, its reversal is tried again.
     */
    public Transfer retry(UUID id, UUID adminId) {
        Transfer transfer = transfers.find(id).orElseThrow(() -> VezaException.notFound("Transfer " + id));
        boolean reversal = transfer.status() == TransferStatus.PERMANENTLY_FAILED && transfer.hasStripeTransfer();
        TransferStatus to = reversal ? TransferStatus.REVERSAL_PENDING : TransferStatus.PENDING;
        if (transfer.status() != TransferStatus.FAILED && transfer.status() != TransferStatus.PERMANENTLY_FAILED) {
            throw new VezaException(
                    ErrorCode.CONFLICT,
                    "Only failed payouts can be retried; this one is "
                            + transfer.status().value() + ".");
        }
        if (!transitions.transition(transfer, to, TransferStateMachine.Extras.dueNow(clock.instant()))) {
            throw new VezaException(ErrorCode.CONFLICT, "The payout changed meanwhile; read it again.");
        }
        log.info("transfer {}: retry by admin {} ({})", id, adminId, reversal ? "reversal" : "payout");
        if (!reversal) {
            transfers.find(id).ifPresent(sender::send);
        }
        return transfers.find(id).orElseThrow();
    }
}
