package fr.veza.identity.internal;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Deletes session rows that expired or were revoked more than {@code SESSION_RETENTION} ago, in small batches so
 * the table is never locked for long. Rows still inside retention stay, so reuse of a recently rotated token is
 * still recognised. Mailed links past their expiry go too: they can never work again.
 */
@Component
class SessionCleanupWorker implements PeriodicWorker {

    static final int BATCH = 1_000;

    private final SessionRepository sessions;
    private final AccountTokens tokens;
    private final IdentitySettings settings;
    private final Clock clock;

    SessionCleanupWorker(SessionRepository sessions, AccountTokens tokens, IdentitySettings settings, Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "session-cleanup";
    }

    @Override
    public Duration interval() {
        return settings.sessionCleanupInterval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Instant cutoff = clock.instant().minus(settings.sessionRetention());
        int deleted = 0;
        int batch;
        do {
            batch = sessions.deleteEndedBefore(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH && !run.stopping());
        deleted += tokens.purgeExpired(cutoff);
        return new WorkReport(deleted, 0);
    }
}
