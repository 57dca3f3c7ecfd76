package fr.veza.marketplace.internal;

import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.time.Clock;
import java.util.Map;
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
    private final ReconcileWorker reconciler;
    private final RefundRepository refunds;
    private final AuditTrail audit;
    private final Clock clock;

    TransferAdministration(
            TransferRepository transfers,
            TransferStateMachine transitions,
            TransferSender sender,
            ReconcileWorker reconciler,
            RefundRepository refunds,
            AuditTrail audit,
            Clock clock) {
        this.reconciler = reconciler;
        this.refunds = refunds;
        this.audit = audit;
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
    public Transfer retry(UUID id, UUID adminId, String ipAddress) {
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
        audit.record(new AuditEntry(
                adminId,
                ipAddress,
                "transfer.retried",
                "transfer",
                id,
                Map.of("from", transfer.status().value(), "to", to.value())));
        if (!reversal) {
            transfers.find(id).ifPresent(sender::send);
        }
        return transfers.find(id).orElseThrow();
    }

    /** One reconciliation pass now, on an admin's word; what it did is the answer and goes in the audit trail. */
    public ReconcileWorker.Pass reconcileNow(UUID adminId, String ipAddress) {
        ReconcileWorker.Pass pass = reconciler.runOnce(() -> false);
        audit.record(new AuditEntry(
                adminId,
                ipAddress,
                "marketplace.reconciled",
                null,
                null,
                Map.of(
                        "synced", pass.synced(),
                        "still_open", pass.stillOpen(),
                        "orphans_failed", pass.orphansFailed(),
                        "read_errors", pass.readErrors())));
        return pass;
    }

    /** The latest refunds, newest first, optionally of one status (pending, succeeded, failed). */
    public java.util.List<Refund> refunds(String status, int limit) {
        return refunds.latest(status, limit);
    }
}
