package fr.veza.search.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.library.PlaylistCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs a search on the configured engine and reads the results from PostgreSQL, in the engine's order. When
 * OpenSearch cannot answer, PostgreSQL does ({@code veza.search.fallbacks} counts it): search stays up while the
 * cluster is down, and the outbox brings the index up to date when it is back.
 */
@Service
public class SearchService implements fr.veza.search.TextSearch {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final PostgresSearchEngine postgres;
    private final SearchEngine configured;
    private final TrackCatalog tracks;
    private final UserDirectory users;
    private final PlaylistCatalog playlists;
    private final Counter fallbacks;

    SearchService(
            PostgresSearchEngine postgres,
            ObjectProvider<OpenSearchEngine> opensearch,
            TrackCatalog tracks,
            UserDirectory users,
            PlaylistCatalog playlists,
            MeterRegistry meters) {
        this.postgres = postgres;
        this.configured = Objects.requireNonNullElse(opensearch.getIfAvailable(), postgres);
        this.tracks = tracks;
        this.users = users;
        this.playlists = playlists;
        this.fallbacks = Counter.builder("veza.search.fallbacks")
                .description("searches answered by PostgreSQL because OpenSearch could not")
                .register(meters);
    }

    @Override
    public List<UUID> tracks(String text, CurrentUser viewer, int offset, int limit) {
        return ids(new SearchQuery(text, SearchType.TRACKS, viewer == null ? null : viewer.id(), offset, limit));
    }

    @Override
    public List<UUID> people(String text, CurrentUser viewer, int offset, int limit) {
        return ids(new SearchQuery(text, SearchType.USERS, viewer == null ? null : viewer.id(), offset, limit));
    }

    private List<UUID> ids(SearchQuery query) {
        if (query.words().isEmpty()) {
            return List.of();
        }
        List<UUID> ids = answered(query).ids();
        return ids.size() > query.limit() ? ids.subList(0, query.limit()) : ids;
    }

    public Results search(SearchQuery query, CurrentUser viewer) {
        Answer answer = answered(query);
        List<UUID> ids = answer.ids();
        String engine = answer.engine();
        boolean more = ids.size() > query.limit();
        List<UUID> page = more ? ids.subList(0, query.limit()) : ids;
        Map<UUID, ?> rows = switch (query.type()) {
            case TRACKS -> tracks.findVisible(page, viewer);
            case USERS -> users.findAll(page);
            case PLAYLISTS -> playlists.findVisible(page, viewer);
        };
        List<Object> items = page.stream()
                .map(rows::get)
                .filter(Objects::nonNull)
                .map(Object.class::cast)
                .toList();
        return new Results(items, more, engine);
    }

    private Answer answered(SearchQuery query) {
        try {
            return new Answer(configured.search(query), configured.name());
        } catch (SearchUnavailableException e) {
            fallbacks.increment();
            log.warn("search: {} unavailable, answered from postgres: {}", configured.name(), e.getMessage());
            return new Answer(postgres.search(query), postgres.name());
        }
    }

    private record Answer(List<UUID> ids, String engine) {}

    public record Results(List<Object> items, boolean more, String engine) {}
}
