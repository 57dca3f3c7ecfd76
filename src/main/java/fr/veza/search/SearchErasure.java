package fr.veza.search;

import java.util.List;
import java.util.UUID;

/**
 * Removes an erased person from the search index: their user document, and the documents of the tracks and
 * playlists the erasure deleted (collected before it ran). Each index is tried whatever happened to the others;
 * without an OpenSearch engine there is nothing to do.
 */
public interface SearchErasure {

    /** @return the first failure, after trying every index; null when all is done (absent documents count) */
    Exception erase(UUID userId, List<UUID> trackIds, List<UUID> playlistIds);
}
