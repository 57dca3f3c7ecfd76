package fr.veza.search.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the indices from PostgreSQL: every findable row is written again, in batches, then every document not
 * written since the run began is deleted. Changes committed meanwhile still reach the index through the events,
 * so the index is complete when the run ends, without downtime or a second index.
 */
@Component
public class SearchReindexer {

    private static final Logger log = LoggerFactory.getLogger(SearchReindexer.class);
    static final int BATCH = 500;

    private final SearchDocuments documents;
    private final ObjectProvider<OpenSearchIndex> index;
    private final Clock clock;
    private final AtomicReference<Run> lastRun = new AtomicReference<>();

    SearchReindexer(SearchDocuments documents, ObjectProvider<OpenSearchIndex> index, Clock clock) {
        this.documents = documents;
        this.index = index;
        this.clock = clock;
    }

    public boolean available() {
        return index.getIfAvailable() != null;
    }

    /**
     * Starts a rebuild in the background, unless one is running on this instance; a large catalogue takes
     * minutes, longer than an HTTP request should wait. {@link #lastRun()} tells how it goes.
     */
    public synchronized boolean start() {
        Run current = lastRun.get();
        if (current != null && current.state() == Run.State.RUNNING) {
            return false;
        }
        Instant started = clock.instant();
        lastRun.set(new Run(Run.State.RUNNING, started, null, Map.of(), null));
        Thread thread = new Thread(
                () -> {
                    try {
                        Map<String, Counts> counts = new LinkedHashMap<>();
                        reindex().forEach((type, count) -> counts.put(type.value(), count));
                        lastRun.set(new Run(Run.State.DONE, started, clock.instant(), counts, null));
                    } catch (IOException | RuntimeException e) {
                        log.warn("search reindex failed: {}", e.toString());
                        lastRun.set(new Run(Run.State.FAILED, started, clock.instant(), Map.of(), e.getMessage()));
                    }
                },
                "search-reindex");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    public Optional<Run> lastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    /** Written and removed documents per index. */
    Map<SearchType, Counts> reindex() throws IOException {
        OpenSearchIndex target = index.getObject();
        Map<SearchType, Counts> counts = new EnumMap<>(SearchType.class);
        for (SearchType type : SearchType.values()) {
            // a second of margin: a document written in the same millisecond as the start must not be removed
            Instant started = clock.instant().minusSeconds(1);
            long written = 0;
            UUID after = null;
            Map<UUID, Map<String, Object>> batch;
            do {
                SearchDocuments.Read read = documents.batch(type, after, BATCH);
                target.write(type, read, List.of());
                batch = read.documents();
                written += batch.size();
                after = batch.isEmpty() ? after : List.copyOf(batch.keySet()).get(batch.size() - 1);
            } while (batch.size() == BATCH);
            long removed = target.deleteStale(type, started);
            counts.put(type, new Counts(written, removed));
            log.info("search reindex: index={} written={} removed={}", type.value(), written, removed);
        }
        target.refresh();
        return counts;
    }

    public record Counts(long written, long removed) {}

    /** A rebuild: running, done with its counts, or failed with the reason. */
    public record Run(State state, Instant startedAt, Instant finishedAt, Map<String, Counts> indices, String error) {
        public enum State {
            RUNNING,
            DONE,
            FAILED;

            @JsonValue
            public String value() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
