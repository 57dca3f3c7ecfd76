package fr.veza.library.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.library.PlaylistChanged;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.moderation.ReportableContent;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Playlists people report; hiding one makes it private for everyone but its owner, in search and Subsonic too. */
@Component
class ReportablePlaylists implements ReportableContent {

    private final PlaylistRepository playlists;
    private final PlaylistService service;
    private final ApplicationEventPublisher events;

    ReportablePlaylists(PlaylistRepository playlists, PlaylistService service, ApplicationEventPublisher events) {
        this.playlists = playlists;
        this.service = service;
        this.events = events;
    }

    @Override
    public String type() {
        return "playlist";
    }

    @Override
    public Optional<Reported> visibleTo(UUID id, UUID viewerId) {
        try {
            service.get(id, new CurrentUser(viewerId, Role.LISTENER, null));
        } catch (VezaException notVisible) {
            return Optional.empty();
        }
        return forModerators(id);
    }

    @Override
    public Optional<Reported> forModerators(UUID id) {
        return playlists
                .find(id)
                .map(playlist -> new Reported(
                        playlist.ownerId(),
                        playlist.title(),
                        playlist.description(),
                        playlists.hidden(id),
                        Map.of("visibility", playlist.visibility().value(), "track_count", playlist.trackCount())));
    }

    @Override
    public boolean hide(UUID id) {
        return changed(id, playlists.hide(id));
    }

    @Override
    public boolean restore(UUID id) {
        return changed(id, playlists.restore(id));
    }

    private boolean changed(UUID id, boolean changed) {
        if (changed) {
            playlists.find(id).ifPresent(p -> events.publishEvent(new PlaylistChanged(id, p.ownerId())));
        }
        return changed;
    }
}
