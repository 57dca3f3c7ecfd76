package fr.veza.search;

import fr.veza.identity.CurrentUser;
import java.util.List;
import java.util.UUID;

/**
 * Veza's search (the configured engine, with its typo tolerance, prefixes, ranking and visibility rule) for other
 * front ends, as ids in rank order. Text without a letter or digit finds nothing.
 */
public interface TextSearch {

    List<UUID> tracks(String text, CurrentUser viewer, int offset, int limit);

    List<UUID> people(String text, CurrentUser viewer, int offset, int limit);
}
