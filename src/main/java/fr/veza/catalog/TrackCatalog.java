package fr.veza.catalog;

import fr.veza.identity.CurrentUser;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How other modules see tracks, always through the same rule as the track pages: owners and admins see their own
 * in every state, anyone else a track that is ready, not private and not deleted. What a viewer may not see is
 * simply absent.
 */
public interface TrackCatalog {

    Optional<TrackSummary> findVisible(UUID trackId, CurrentUser viewer);

    /** The tracks among {@code trackIds} the viewer may see; the others are absent from the map. */
    Map<UUID, TrackSummary> findVisible(Collection<UUID> trackIds, CurrentUser viewer);

    /** The address of the 256-pixel cover of each track among {@code trackIds} that has one, for tracks anyone may see. */
    Map<UUID, String> coverUrls(Collection<UUID> trackIds);

    /** The latest listed tracks, newest first. */
    java.util.List<TrackSummary> newest(int limit);

    /** An artist's listed tracks, newest first. */
    java.util.List<TrackSummary> listedBy(UUID ownerId, int limit);

    /** The most played listed tracks. */
    java.util.List<TrackSummary> mostPlayed(int limit);
}
