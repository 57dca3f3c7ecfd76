package fr.veza.catalog;

import java.util.Optional;
import java.util.UUID;

/**
 * Withholding a track without its owner's say, for copyright notices. A taken-down track is private for everyone
 * but its owner and admins, buyers included; restoring it gives back the visibility its owner chose, including a
 * change the owner made while it was down.
 */
public interface TrackModeration {

    /** The owner of a track that exists and is not deleted. */
    Optional<UUID> ownerOf(UUID trackId);

    /** Joins the caller's transaction. Returns false when the track was already down (or is gone). */
    boolean takeDown(UUID trackId);

    /** Joins the caller's transaction. Returns false when the track was not down. */
    boolean restore(UUID trackId);
}
