package fr.veza.search.internal;

import java.util.List;
import java.util.UUID;

/**
 * One way of finding things. An engine answers ids, best first, already limited to what the viewer may see; the
 * caller reads the rows themselves from PostgreSQL, which checks visibility once more, so a stale index can hide a
 * result for a moment but can never show one it should not.
 */
interface SearchEngine {

    String name();

    /** Up to {@code query.limit() + 1} ids, so the caller can tell whether another page exists. */
    List<UUID> search(SearchQuery query) throws SearchUnavailableException;
}
