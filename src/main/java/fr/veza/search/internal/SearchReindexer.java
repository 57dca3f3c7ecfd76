package fr.veza.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    SearchReindexer(SearchDocuments documents, ObjectProvider<OpenSearchIndex> index, Clock clock) {
        this.documents = documents;
        this.index = index;
        this.clock = clock;
    }

    public boolean available() {
        return index.getIfAvailable() != null;
    }

    /** Written and removed documents per index. */
    public Map<SearchType, Counts> reindex() throws IOException {
        OpenSearchIndex target = index.getObject();
        Map<SearchType, Counts> counts = new EnumMap<>(SearchType.class);
        for (SearchType type : SearchType.values()) {
            // a second of margin: a document written in the same millisecond as the start must not be removed
            Instant started = clock.instant().minusSeconds(1);
            long written = 0;
            UUID after = null;
            Map<UUID, Map<String, Object>> batch;
            do {
                batch = documents.batch(type, after, BATCH);
                target.write(type, batch, List.of());
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
}
