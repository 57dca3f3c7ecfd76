package fr.veza.platform.events;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * Keeps the transactional outbox moving: an event whose listener failed (OpenSearch down, a webhook store error)
 * stays incomplete in {@code event_publication} and is handed to its listener again here until it succeeds, so
 * every listener must be idempotent. Completed entries are purged after the retention. Each run also measures
 * the backlog ({@code veza_events_incomplete}, {@code veza_events_oldest_incomplete_seconds}): a listener that
 * keeps failing shows there, to alert on.
 */
@Component
class EventRetryWorker implements PeriodicWorker {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final EventSettings settings;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final OutboxListeners listeners;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    EventRetryWorker(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            EventSettings settings,
            Clock clock,
            JdbcClient jdbc,
            OutboxListeners listeners,
            MeterRegistry meters) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
        this.listeners = listeners;
        Gauge.builder("veza.events.incomplete", waiting, AtomicLong::get)
                .description("events whose listeners have not all succeeded yet")
                .register(meters);
        Gauge.builder("veza.events.oldest.incomplete.seconds", oldestSeconds, AtomicLong::get)
                .description("age of the oldest event still waiting for a listener")
                .register(meters);
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
            if (due && !run.stopping() && listenerIsHere(publication)) {
                resubmitted[0]++;
                return true;
            }
            return false;
        });
        completed.deletePublicationsOlderThan(settings.retention());
        measureBacklog();
        return new WorkReport(resubmitted[0], 0);
    }

    private boolean listenerIsHere(EventPublication publication) {
        return !(publication instanceof TargetEventPublication target)
                || listeners.has(target.getTargetIdentifier().getValue());
    }

    private void measureBacklog() {
        jdbc.sql("""
                        SELECT count(*) AS waiting, min(publication_date) AS oldest
                        FROM event_publication WHERE completion_date IS NULL
                        """).query(rs -> {
            waiting.set(rs.getLong("waiting"));
            Timestamp oldest = rs.getTimestamp("oldest");
            oldestSeconds.set(
                    oldest == null
                            ? 0
                            : Duration.between(oldest.toInstant(), clock.instant())
                                    .toSeconds());
        });
    }
}
