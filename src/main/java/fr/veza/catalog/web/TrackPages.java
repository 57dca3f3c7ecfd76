package fr.veza.catalog.web;

import fr.veza.catalog.internal.TrackService;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A track's page, seen by whoever may see the track through the API: private ones only by their owner. */
@Page
class TrackPages {

    private final TrackService tracks;
    private final TrackViews views;

    TrackPages(TrackService tracks, TrackViews views) {
        this.tracks = tracks;
        this.views = views;
    }

    @GetMapping("/tracks/{id}")
    String track(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        TrackView track = views.detailed(tracks.get(id, viewer), viewer);
        model.addAttribute("track", track);
        model.addAttribute(
                "cover", track.coverUrls() == null ? null : track.coverUrls().get("256"));
        model.addAttribute(
                "artwork", track.coverUrls() == null ? null : track.coverUrls().get("1024"));
        return "catalog/track";
    }

    /** The original file, for its owner and its buyers, with the same rules as the API's. */
    @GetMapping("/tracks/{id}/download")
    ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return TrackController.attachment(tracks.original(id, viewer));
    }

    @Bean
    static SignedInPages catalogSignedInPages() {
        return () -> List.of("/tracks/*/download");
    }
}
