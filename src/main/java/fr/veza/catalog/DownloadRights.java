package fr.veza.catalog;

import java.util.UUID;

/**
 * Who besides a track's owner may download its original file: modules that sell tracks say so for their buyers.
 * A buyer keeps the right even if the artist later makes the track private or deletes it.
 */
public interface DownloadRights {

    boolean mayDownload(UUID trackId, UUID userId);

    /** Whether anybody still holds a right to the track's original: while so, deleting the track keeps the file. */
    boolean anyHolder(UUID trackId);
}
