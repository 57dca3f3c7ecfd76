package fr.veza.library;

import fr.veza.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Veza's playlists as music players edit them, under the rules of the REST API (owner-only changes, at most
 * {@code MAX_TRACKS} entries, tracks the owner may see). Refusals are {@code VezaException}s: not found, forbidden
 * or invalid.
 */
public interface PlayerPlaylists {

    /** The viewer's own playlists, most recently changed first. */
    List<Contents> owned(CurrentUser viewer);

    /** A playlist the viewer may see, with the tracks of it the viewer may see, in order. */
    Optional<Contents> open(UUID playlistId, CurrentUser viewer);

    UUID create(CurrentUser owner, String title);

    /** Each null argument leaves that detail as it is. */
    void change(UUID playlistId, CurrentUser viewer, String title, String description, Boolean isPublic);

    /** Appends the tracks in order; one already in the playlist stays where it is. */
    void append(UUID playlistId, CurrentUser viewer, List<UUID> trackIds);

    void remove(UUID playlistId, CurrentUser viewer, List<UUID> trackIds);

    void delete(UUID playlistId, CurrentUser viewer);

    record Contents(PlaylistSummary summary, Instant createdAt, List<UUID> trackIds) {}
}
