package fr.veza.platform.events;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Keeps the transactional outbox moving: an event whose listener failed (OpenSearch down, a webhook store error)
 * stays incomplete in {@code event_publication} and is handed to its listener again here until it succeeds, so
 * every listener must be idempotent. Completed entries are purged after the retention.
 */
@Component
class EventRetryWorker implements PeriodicWorker {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final EventSettings settings;
    private final Clock clock;

    EventRetryWorker(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            EventSettings settings,
            Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "event-retry";
    }

    @Override
    public Duration interval() {
        return settings.retryInterval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Instant cutoff = clock.instant().minus(settings.retryAfter());
        int[] resubmitted = {0};
        incomplete.resubmitIncompletePublications(publication -> {
            boolean due = publication.getPublicationDate().isBefore(cutoff);
            if (due && !run.stopping()) {
                resubmitted[0]++;
                return true;
            }
            return false;
        });
        completed.deletePublicationsOlderThan(settings.retention());
        return new WorkReport(resubmitted[0], 0);
    }
}
