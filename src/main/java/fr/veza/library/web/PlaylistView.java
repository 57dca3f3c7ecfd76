package fr.veza.library.web;

import fr.veza.catalog.TrackSummary;
import fr.veza.identity.UserDirectory.UserSummary;
import fr.veza.library.internal.Playlist;
import fr.veza.library.internal.PlaylistService.Listed;
import fr.veza.library.internal.PlaylistVisibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A playlist as the API shows it; {@code tracks} only in the single-playlist answer. */
record PlaylistView(
        UUID id,
        String title,
        String description,
        PlaylistVisibility visibility,
        Owner owner,
        int trackCount,
        List<EntryView> tracks,
        Instant createdAt,
        Instant updatedAt) {

    static PlaylistView of(Playlist playlist, UserSummary owner, int visibleTracks) {
        return new PlaylistView(
                playlist.id(),
                playlist.title(),
                playlist.description(),
                playlist.visibility(),
                Owner.of(playlist.ownerId(), owner),
                visibleTracks,
                null,
                playlist.createdAt(),
                playlist.updatedAt());
    }

    static PlaylistView of(Playlist playlist, UserSummary owner, List<Listed> entries) {
        List<EntryView> tracks = entries.stream().map(EntryView::of).toList();
        return new PlaylistView(
                playlist.id(),
                playlist.title(),
                playlist.description(),
                playlist.visibility(),
                Owner.of(playlist.ownerId(), owner),
                tracks.size(),
                tracks,
                playlist.createdAt(),
                playlist.updatedAt());
    }

    /** The owner; an account no longer visible shows as a deleted user, without a name. */
    record Owner(UUID id, String username, String displayName, String avatarUrl, boolean deleted) {
        static Owner of(UUID id, UserSummary user) {
            return user == null
                    ? new Owner(null, null, "Deleted user", null, true)
                    : new Owner(user.id(), user.username(), user.displayName(), user.avatarUrl(), false);
        }
    }

    /** One entry; {@code available} false (and no track) when the track can no longer be played. */
    record EntryView(int position, Instant addedAt, UUID trackId, boolean available, TrackSummary track) {
        static EntryView of(Listed listed) {
            return new EntryView(
                    listed.entry().position(),
                    listed.entry().addedAt(),
                    listed.entry().trackId(),
                    listed.track() != null,
                    listed.track());
        }
    }
}
