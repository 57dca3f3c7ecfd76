package fr.veza.search.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.identity.UserChanged;
import fr.veza.library.PlaylistChanged;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps OpenSearch in step with PostgreSQL. Events reach it only after their transaction committed (a rolled back
 * change is never indexed); it reads the rows as they are now and writes or deletes their documents. A failure
 * (OpenSearch down) leaves the event incomplete in the outbox, and the event retry worker hands it over again
 * until it succeeds, so the index catches up by itself.
 */
@Component
@ConditionalOnProperty(name = "veza.search.engine", havingValue = "opensearch")
class SearchIndexer {

    private final SearchDocuments documents;
    private final OpenSearchIndex index;

    SearchIndexer(SearchDocuments documents, OpenSearchIndex index) {
        this.documents = documents;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(TrackChanged event) throws IOException {
        sync(SearchType.TRACKS, List.of(event.trackId()));
    }

    @ApplicationModuleListener
    void on(PlaylistChanged event) throws IOException {
        sync(SearchType.PLAYLISTS, List.of(event.playlistId()));
    }

    /** The person's own document, and those of their tracks and playlists, which carry their name and standing. */
    @ApplicationModuleListener
    void on(UserChanged event) throws IOException {
        sync(SearchType.USERS, List.of(event.userId()));
        sync(SearchType.TRACKS, documents.ownedBy(SearchType.TRACKS, event.userId()));
        sync(SearchType.PLAYLISTS, documents.ownedBy(SearchType.PLAYLISTS, event.userId()));
    }

    void sync(SearchType type, List<UUID> ids) throws IOException {
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            SearchDocuments.Read found = documents.find(type, batch);
            List<UUID> removed = new ArrayList<>(batch);
            removed.removeAll(found.documents().keySet());
            index.write(type, found, removed);
        }
    }
}
