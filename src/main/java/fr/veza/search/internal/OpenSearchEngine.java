package fr.veza.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Search in OpenSearch: a fuzzy match (typos: "radiohed" finds "Radiohead") and a prefix match (as you type), on
 * the main fields boosted over the rest, filtered to public documents and the viewer's own.
 */
@Component
@ConditionalOnProperty(name = "veza.search.engine", havingValue = "opensearch")
class OpenSearchEngine implements SearchEngine {

    private final OpenSearchClient client;
    private final SearchSettings settings;

    OpenSearchEngine(OpenSearchClient client, SearchSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public List<UUID> search(SearchQuery query) throws SearchUnavailableException {
        try {
            return client
                    .search(
                            search -> search.index(settings.index(query.type()))
                                    .from(query.offset())
                                    .size(query.limit() + 1)
                                    .source(source -> source.fetch(false))
                                    .query(query(query)),
                            Void.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(hit -> UUID.fromString(hit.id()))
                    .toList();
        } catch (IOException | OpenSearchException | IllegalStateException e) {
            throw new SearchUnavailableException("OpenSearch did not answer: " + e.getMessage(), e);
        }
    }

    private static Query query(SearchQuery query) {
        List<String> fields = switch (query.type()) {
            case TRACKS -> List.of("title^3", "artist^2", "tags^1.5", "genre", "description^0.5");
            case USERS -> List.of("username^3", "display_name^3", "bio^0.5");
            case PLAYLISTS -> List.of("title^3", "owner", "description^0.5");
        };
        String text = query.normalized();
        Query matches = Query.of(q -> q.bool(b -> b.should(s -> s.multiMatch(
                        m -> m.query(text).fields(fields).fuzziness("AUTO").prefixLength(1)))
                .should(s -> s.multiMatch(m -> m.query(text).fields(fields).type(TextQueryType.BoolPrefix)))
                .minimumShouldMatch("1")));
        if (query.type() == SearchType.USERS) {
            return matches;
        }
        String viewer = query.viewerId() == null ? "" : query.viewerId().toString();
        Query isPublic = Query.of(q -> q.term(t -> t.field("visibility").value(FieldValue.of("public"))));
        Query isOwn = Query.of(q -> q.term(t -> t.field("owner_id").value(FieldValue.of(viewer))));
        Query visible =
                Query.of(q -> q.bool(b -> b.should(isPublic).should(isOwn).minimumShouldMatch("1")));
        return Query.of(q -> q.bool(b -> b.must(matches).filter(visible)));
    }
}
