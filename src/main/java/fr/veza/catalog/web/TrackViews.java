package fr.veza.catalog.web;

import fr.veza.catalog.TrackEngagement;
import fr.veza.catalog.TrackOffers;
import fr.veza.catalog.internal.Track;
import fr.veza.catalog.internal.TrackAccess;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.web.SignedUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds a {@link TrackView} the same way for the REST API and the pages, signed cover URLs included. */
@Component
class TrackViews {

    private final TrackAccess access;
    private final UserDirectory users;
    private final SignedUrls signer;
    private final Clock clock;

    private final ObjectProvider<TrackEngagement> engagement;
    private final ObjectProvider<TrackOffers> offers;

    TrackViews(
            TrackAccess access,
            UserDirectory users,
            SignedUrls signer,
            Clock clock,
            ObjectProvider<TrackEngagement> engagement,
            ObjectProvider<TrackOffers> offers) {
        this.access = access;
        this.engagement = engagement;
        this.offers = offers;
        this.users = users;
        this.signer = signer;
        this.clock = clock;
    }

    /** A track with its counts, the viewer's like and repost, and what is for sale on it. */
    TrackView detailed(Track track, CurrentUser viewer) {
        UUID viewerId = viewer == null ? null : viewer.id();
        TrackEngagement counts = engagement.getIfAvailable();
        TrackOffers sale = offers.getIfAvailable();
        return of(track, viewer)
                .with(
                        counts == null ? TrackEngagement.Counts.NONE : counts.of(track.id(), viewerId),
                        sale == null ? List.of() : sale.on(track.id()),
                        access.bought(track, viewer));
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

    static String coverPath(UUID id, int size) {
        return "/api/v1/tracks/" + id + "/cover/" + size;
    }
}
