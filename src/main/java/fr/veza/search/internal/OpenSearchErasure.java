package fr.veza.search.internal;

import fr.veza.search.SearchErasure;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnProperty(name = "veza.search.engine", havingValue = "opensearch")
class OpenSearchErasure implements SearchErasure {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchErasure.class);

    private final OpenSearchIndex index;

    OpenSearchErasure(OpenSearchIndex index) {
        this.index = index;
    }

    @Override
    public Exception erase(UUID userId, List<UUID> trackIds, List<UUID> playlistIds) {
        Exception first = attempt(SearchType.USERS, () -> index.deleteDocument(SearchType.USERS, userId), null);
        if (!trackIds.isEmpty()) {
            first = attempt(SearchType.TRACKS, () -> index.deleteByIds(SearchType.TRACKS, trackIds), first);
        }
        if (!playlistIds.isEmpty()) {
            first = attempt(SearchType.PLAYLISTS, () -> index.deleteByIds(SearchType.PLAYLISTS, playlistIds), first);
        }
        return first;
    }

    private static Exception attempt(SearchType type, IndexCall call, Exception first) {
        try {
            call.run();
            return first;
        } catch (IOException | RuntimeException e) {
            log.warn("erasure: search index {} not cleaned error={}", type.value(), e.toString());
            return first == null ? e : first;
        }
    }

    @FunctionalInterface
    private interface IndexCall {
        void run() throws IOException;
    }
}
