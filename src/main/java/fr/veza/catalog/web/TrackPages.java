package fr.veza.catalog.web;

import fr.veza.catalog.internal.PlaybackService;
import fr.veza.catalog.internal.TrackService;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** A track's page, seen by whoever may see the track through the API: private ones only by their owner. */
@Page
class TrackPages {

    private final TrackService tracks;
    private final TrackViews views;
    private final PlaybackService plays;
    private final ClientIpResolver ips;

    TrackPages(TrackService tracks, TrackViews views, PlaybackService plays, ClientIpResolver ips) {
        this.tracks = tracks;
        this.views = views;
        this.plays = plays;
        this.ips = ips;
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

    /**
     * A listen reported by the web player, through the same play rule as the API's. The page's session says who
     * listened (the API takes no cookie), so a signed-in listener's history has their web listens too.
     */
    @PostMapping("/tracks/{id}/plays")
    @ResponseBody
    ResponseEntity<Map<String, Boolean>> play(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser listener,
            @Valid @RequestBody TrackRequests.Play body,
            HttpServletRequest request) {
        boolean counted = plays.record(id, listener, ips.resolve(request), body.secondsPlayed());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("counted", counted));
    }

    @Bean
    static SignedInPages catalogSignedInPages() {
        return () -> List.of("/tracks/*/download");
    }
}
