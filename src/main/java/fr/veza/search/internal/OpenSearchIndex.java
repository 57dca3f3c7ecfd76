package fr.veza.search.internal;

import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes to the three indices: each document's id is its row's UUID, so writing a document again replaces it and
 * deleting one that is not there is done. Indices are created with their mappings on first use.
 */
@Component
@ConditionalOnProperty(name = "veza.search.engine", havingValue = "opensearch")
class OpenSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndex.class);

    private final OpenSearchClient client;
    private final SearchSettings settings;
    private final Clock clock;
    private final Set<SearchType> ready = ConcurrentHashMap.newKeySet();

    OpenSearchIndex(OpenSearchClient client, SearchSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Writes the documents and deletes {@code removed}, in one bulk request, versioned by the moment they were read:
     * a write older than what the index holds is refused (409) and skipped, as the newer state is already there.
     * Throws if any other item failed.
     */
    void write(SearchType type, SearchDocuments.Read read, List<UUID> removed) throws IOException {
        Map<UUID, Map<String, Object>> documents = read.documents();
        long version = read.version();
        if (documents.isEmpty() && removed.isEmpty()) {
            return;
        }
        ensure(type);
        String index = settings.index(type);
        String now = clock.instant().toString();
        List<BulkOperation> operations = new ArrayList<>();
        documents.forEach((id, document) -> {
            var withTime = new java.util.LinkedHashMap<>(document);
            withTime.put("synced_at", now);
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(index)
                    .id(id.toString())
                    .version(version)
                    .versionType(VersionType.ExternalGte)
                    .document(withTime))));
        });
        removed.forEach(id -> operations.add(BulkOperation.of(op -> op.delete(
                d -> d.index(index).id(id.toString()).version(version).versionType(VersionType.ExternalGte)))));
        BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
        if (response.errors()) {
            // a delete of a missing document reports 404: that document is already gone, which is what we wanted;
            // a conflict (409) means a later read was written first
            var failures = response.items().stream()
                    .filter(item -> item.error() != null && item.status() != 404 && item.status() != 409)
                    .toList();
            if (!failures.isEmpty()) {
                throw new IOException("search index " + index + ": " + failures.size() + " writes failed, first: "
                        + failures.get(0).error().reason());
            }
        }
    }

    /** Deletes one document; a document or index that is not there is already the wanted outcome. */
    void deleteDocument(SearchType type, UUID id) throws IOException {
        try {
            client.delete(d -> d.index(settings.index(type)).id(id.toString()).refresh(Refresh.True));
        } catch (OpenSearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Deletes the documents with these ids, in one delete-by-query. */
    void deleteByIds(SearchType type, List<UUID> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        List<String> values = ids.stream().map(UUID::toString).toList();
        try {
            client.deleteByQuery(delete -> delete.index(settings.index(type))
                    .refresh(true)
                    .conflicts(Conflicts.Proceed)
                    .query(q -> q.ids(i -> i.values(values))));
        } catch (OpenSearchException e) {
            if (!"index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** Removes the documents not written since {@code before}: rows that vanished while nobody was listening. */
    long deleteStale(SearchType type, Instant before) throws IOException {
        ensure(type);
        client.indices().refresh(r -> r.index(settings.index(type)));
        // a document changed meanwhile was just written by a listener: skipping it is right
        return client.deleteByQuery(delete -> delete.index(settings.index(type))
                        .refresh(true)
                        .conflicts(Conflicts.Proceed)
                        .query(q -> q.bool(stale -> stale.should(
                                        s -> s.range(r -> r.field("synced_at").lt(JsonData.of(before.toString()))))
                                .should(s -> s.bool(b -> b.mustNot(n -> n.exists(e -> e.field("synced_at")))))
                                .minimumShouldMatch("1"))))
                .deleted();
    }

    void refresh() throws IOException {
        client.indices()
                .refresh(r -> r.index(List.of(
                        settings.index(SearchType.TRACKS),
                        settings.index(SearchType.USERS),
                        settings.index(SearchType.PLAYLISTS))));
    }

    void ensure(SearchType type) throws IOException {
        if (ready.contains(type)) {
            return;
        }
        String index = settings.index(type);
        if (!client.indices().exists(e -> e.index(index)).value()) {
            JsonpMapper mapper = client._transport().jsonpMapper();
            try (InputStream json = new ClassPathResource("search/" + type.value() + ".json").getInputStream();
                    JsonParser parser = mapper.jsonProvider().createParser(json)) {
                TypeMapping mapping = TypeMapping._DESERIALIZER.deserialize(parser, mapper);
                client.indices()
                        .create(c -> c.index(index)
                                .settings(s -> s.numberOfShards("1"))
                                .mappings(mapping));
                log.info("search: created index {}", index);
            } catch (OpenSearchException e) {
                // another instance created it first
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ready.add(type);
    }
}
