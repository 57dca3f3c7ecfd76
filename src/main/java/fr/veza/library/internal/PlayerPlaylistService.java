package fr.veza.library.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.library.PlayerPlaylists;
import fr.veza.library.PlaylistSummary;
import fr.veza.platform.errors.VezaException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Players' playlist edits, each one a call of {@link PlaylistService} so both front ends share every rule. */
@Service
class PlayerPlaylistService implements PlayerPlaylists {

    private static final int MAX_PLAYLISTS_LISTED = 500;

    private final PlaylistService playlists;
    private final UserDirectory users;

    PlayerPlaylistService(PlaylistService playlists, UserDirectory users) {
        this.playlists = playlists;
        this.users = users;
    }

    @Override
    public List<Contents> owned(CurrentUser viewer) {
        return playlists.byOwner(viewer.id(), viewer, null, MAX_PLAYLISTS_LISTED).stream()
                .map(playlist -> contents(playlist, viewer))
                .toList();
    }

    @Override
    public Optional<Contents> open(UUID playlistId, CurrentUser viewer) {
        try {
            return Optional.of(contents(playlists.get(playlistId, viewer), viewer));
        } catch (VezaException notVisible) {
            return Optional.empty();
        }
    }

    @Override
    public UUID create(CurrentUser owner, String title) {
        return playlists
                .create(owner, new PlaylistService.Details(title, null, PlaylistVisibility.PRIVATE))
                .id();
    }

    @Override
    public void change(UUID playlistId, CurrentUser viewer, String title, String description, Boolean isPublic) {
        playlists.update(
                playlistId,
                viewer,
                current -> new PlaylistService.Details(
                        title == null ? current.title() : title,
                        description == null ? current.description() : description,
                        isPublic == null
                                ? current.visibility()
                                : isPublic ? PlaylistVisibility.PUBLIC : PlaylistVisibility.PRIVATE));
    }

    @Override
    public void append(UUID playlistId, CurrentUser viewer, List<UUID> trackIds) {
        Playlist playlist = playlists.get(playlistId, viewer);
        Set<UUID> present = new HashSet<>(playlists.entries(playlist, viewer).stream()
                .map(listed -> listed.entry().trackId())
                .toList());
        for (UUID trackId : trackIds) {
            if (present.add(trackId)) {
                playlists.addTrack(playlistId, viewer, trackId, null);
            }
        }
    }

    @Override
    public void remove(UUID playlistId, CurrentUser viewer, List<UUID> trackIds) {
        for (UUID trackId : new HashSet<>(trackIds)) {
            playlists.removeTrack(playlistId, viewer, trackId);
        }
    }

    @Override
    public void delete(UUID playlistId, CurrentUser viewer) {
        playlists.delete(playlistId, viewer);
    }

    private Contents contents(Playlist playlist, CurrentUser viewer) {
        List<UUID> visible = playlists.entries(playlist, viewer).stream()
                .filter(listed -> listed.track() != null)
                .map(listed -> listed.entry().trackId())
                .toList();
        UserDirectory.UserSummary owner = users.find(playlist.ownerId()).orElse(null);
        return new Contents(
                new PlaylistSummary(
                        playlist.id(),
                        playlist.title(),
                        playlist.description(),
                        playlist.visibility().name().toLowerCase(java.util.Locale.ROOT),
                        visible.size(),
                        new PlaylistSummary.Owner(
                                playlist.ownerId(),
                                owner == null ? null : owner.username(),
                                owner == null ? null : owner.displayName()),
                        playlist.updatedAt()),
                playlist.createdAt(),
                visible);
    }
}
