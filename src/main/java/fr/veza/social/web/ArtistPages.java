package fr.veza.social.web;

import fr.veza.catalog.TrackCatalog;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Page;
import fr.veza.social.internal.SocialService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's page at {@code /@username}: who they are, their public tracks, and following them. */
@Page
class ArtistPages {

    private static final int TRACKS_SHOWN = 50;

    private final UserDirectory users;
    private final SocialService social;
    private final TrackCatalog tracks;

    ArtistPages(UserDirectory users, SocialService social, TrackCatalog tracks) {
        this.users = users;
        this.social = social;
        this.tracks = tracks;
    }

    @GetMapping("/@{username}")
    String artist(@PathVariable String username, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        UserDirectory.Profile profile = profile(username);
        model.addAttribute("profile", profile);
        model.addAttribute("stats", social.followStats(profile.id(), viewer));
        model.addAttribute("tracks", tracks.listedBy(profile.id(), TRACKS_SHOWN));
        model.addAttribute("self", viewer != null && viewer.id().equals(profile.id()));
        return "social/artist";
    }

    /** Blocks the person (asked from under "More" on their page), then shows the list of people blocked. */
    @PostMapping("/@{username}/block")
    String block(@PathVariable String username, @AuthenticationPrincipal CurrentUser viewer) {
        social.block(viewer, profile(username).id());
        return "redirect:/settings/blocks?blocked";
    }

    /** Follows or unfollows, then shows the page again (also without JavaScript). */
    @PostMapping("/@{username}/follow")
    String follow(
            @PathVariable String username,
            @RequestParam(defaultValue = "true") boolean follow,
            @AuthenticationPrincipal CurrentUser viewer) {
        UserDirectory.Profile profile = profile(username);
        if (follow) {
            social.follow(viewer, profile.id());
        } else {
            social.unfollow(viewer, profile.id());
        }
        return "redirect:/@" + URLEncoder.encode(profile.username(), StandardCharsets.UTF_8);
    }

    private UserDirectory.Profile profile(String username) {
        return users.findProfile(username).orElseThrow(() -> VezaException.notFound("User " + username));
    }
}
