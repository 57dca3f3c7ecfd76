package fr.veza.catalog.web;

import fr.veza.catalog.internal.Track;
import fr.veza.catalog.internal.TrackAccess;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.web.SignedUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds a {@link TrackView} the same way for the REST API and the pages, signed cover URLs included. */
@Component
class TrackViews {

    private final TrackAccess access;
    private final UserDirectory users;
    private final SignedUrls signer;
    private final Clock clock;

    TrackViews(TrackAccess access, UserDirectory users, SignedUrls signer, Clock clock) {
        this.access = access;
        this.users = users;
        this.signer = signer;
        this.clock = clock;
    }

    TrackView of(Track track, CurrentUser viewer) {
        return of(track, users.find(track.ownerId()).orElse(null), viewer);
    }

    TrackView of(Track track, UserDirectory.UserSummary owner, CurrentUser viewer) {
        Map<String, String> covers = null;
        if (track.thumbnailPrefix() != null) {
            covers = new LinkedHashMap<>();
            var expiresAt = clock.instant().plus(Duration.ofHours(24));
            for (int size : Track.THUMBNAIL_SIZES) {
                covers.put(Integer.toString(size), signer.sign(coverPath(track.id(), size), expiresAt));
            }
        }
        return TrackView.of(track, owner, access.canManage(track, viewer), covers);
    }

    static String coverPath(java.util.UUID id, int size) {
        return "/api/v1/tracks/" + id + "/cover/" + size;
    }
}
