package fr.veza.moderation.internal;

import fr.veza.identity.Accounts;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the suspensions moderators gave for a period once it is over: the person may sign in again. One an admin
 * lifted earlier is only marked ended.
 */
@Component
class SuspensionEndWorker implements PeriodicWorker {

    private final DecisionRepository decisions;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ModerationSettings settings;

    SuspensionEndWorker(
            DecisionRepository decisions,
            Accounts accounts,
            AuditTrail audit,
            TransactionTemplate transactions,
            ModerationSettings settings) {
        this.decisions = decisions;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "moderation-suspension-end";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        int ended = 0;
        for (Decision decision : decisions.suspensionsEnded(run.startedAt(), 200)) {
            if (run.stopping()) {
                break;
            }
            Boolean reinstated = transactions.execute(status -> {
                if (!decisions.markSuspensionEnded(decision.id())) {
                    return false;
                }
                boolean lifted = decision.authorId() != null && accounts.reinstate(decision.authorId());
                if (lifted) {
                    audit.record(new AuditEntry(
                            null,
                            null,
                            "user.reinstated",
                            "user",
                            decision.authorId(),
                            Map.of("reason", "suspension_ended", "decision_id", decision.id())));
                }
                return lifted;
            });
            if (Boolean.TRUE.equals(reinstated)) {
                ended++;
            }
        }
        return new WorkReport(ended, 0);
    }
}
