package fr.veza.library;

import fr.veza.identity.CurrentUser;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** How other modules see playlists: public ones, and a viewer's own private ones; the rest is absent. */
public interface PlaylistCatalog {

    Map<UUID, PlaylistSummary> findVisible(Collection<UUID> playlistIds, CurrentUser viewer);
}
