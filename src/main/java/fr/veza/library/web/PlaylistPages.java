package fr.veza.library.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.library.internal.Playlist;
import fr.veza.library.internal.PlaylistService;
import fr.veza.library.internal.PlaylistVisibility;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Playlists as pages: a playlist in order with "Play all", its owner's controls (move, remove, rename, privacy),
 * the library's list of one's playlists, and the track page's "Add to playlist". Every change is a form that
 * shows the page again; the rules are the playlist service's, as for the API.
 */
@Page
class PlaylistPages {

    private static final int LISTED = 100;

    private final PlaylistService playlists;
    private final UserDirectory users;
    private final Validator validator;

    PlaylistPages(PlaylistService playlists, UserDirectory users, Validator validator) {
        this.playlists = playlists;
        this.users = users;
        this.validator = validator;
    }

    @GetMapping("/playlists/{id}")
    String playlist(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        Playlist playlist = playlists.get(id, viewer);
        model.addAttribute("playlist", playlist);
        model.addAttribute("owner", users.find(playlist.ownerId()).orElse(null));
        model.addAttribute("mine", viewer != null && playlist.isOwnedBy(viewer.id()));
        model.addAttribute("entries", playlists.entries(playlist, viewer));
        return "library/playlist";
    }

    /** A person's playlists as their page shows them: public ones, and their private ones for themselves. */
    @GetMapping("/@{username}/playlists")
    String byPerson(@PathVariable String username, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        UserDirectory.Profile person =
                users.findProfile(username).orElseThrow(() -> VezaException.notFound("User " + username));
        model.addAttribute("person", person);
        model.addAttribute("playlists", playlists.byOwner(person.id(), viewer, null, LISTED));
        return "library/person-playlists";
    }

    @GetMapping("/library")
    String library(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("playlists", playlists.byOwner(viewer.id(), viewer, null, LISTED));
        return "library/library";
    }

    @PostMapping("/playlists")
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID track,
            @AuthenticationPrincipal CurrentUser viewer) {
        var asked = new PlaylistRequests.Create(title.strip(), null, PlaylistVisibility.PUBLIC);
        if (!validator.validate(asked).isEmpty()) {
            throw VezaException.invalid("title", "must be 1 to 200 characters");
        }
        Playlist created =
                playlists.create(viewer, new PlaylistService.Details(asked.title(), null, PlaylistVisibility.PUBLIC));
        if (track != null) {
            playlists.addTrack(created.id(), viewer, track, null);
        }
        return "redirect:/playlists/" + created.id();
    }

    /** Adds a track from its page to one of the viewer's playlists, then goes back to the track. */
    @PostMapping("/playlists/add")
    String add(@RequestParam UUID playlist, @RequestParam UUID track, @AuthenticationPrincipal CurrentUser viewer) {
        playlists.addTrack(playlist, viewer, track, null);
        return "redirect:/tracks/" + track;
    }

    @PostMapping("/playlists/{id}/tracks/{track}/move")
    String move(
            @PathVariable UUID id,
            @PathVariable UUID track,
            @RequestParam int by,
            @AuthenticationPrincipal CurrentUser viewer) {
        Playlist playlist = playlists.get(id, viewer);
        List<UUID> order = new ArrayList<>(playlists.entries(playlist, viewer).stream()
                .map(listed -> listed.entry().trackId())
                .toList());
        int from = order.indexOf(track);
        int to = from + Integer.signum(by);
        if (from >= 0 && to >= 0 && to < order.size()) {
            order.add(to, order.remove(from));
            playlists.reorder(id, viewer, order);
        }
        return "redirect:/playlists/" + id;
    }

    @PostMapping("/playlists/{id}/tracks/{track}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID track, @AuthenticationPrincipal CurrentUser viewer) {
        playlists.removeTrack(id, viewer, track);
        return "redirect:/playlists/" + id;
    }

    @PostMapping("/playlists/{id}/details")
    String details(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "public") String visibility,
            @AuthenticationPrincipal CurrentUser viewer) {
        var asked = new PlaylistRequests.Create(title.strip(), null, PlaylistVisibility.of(visibility));
        if (!validator.validate(asked).isEmpty()) {
            throw VezaException.invalid("title", "must be 1 to 200 characters");
        }
        playlists.update(
                id,
                viewer,
                details -> new PlaylistService.Details(asked.title(), details.description(), asked.visibility()));
        return "redirect:/playlists/" + id;
    }

    @PostMapping("/playlists/{id}/duplicate")
    String duplicate(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return "redirect:/playlists/" + playlists.duplicate(id, viewer).id();
    }

    /** The track page's part: the viewer's playlists to add the track to, or a new one. */
    @GetMapping("/tracks/{id}/playlists")
    String addToPlaylist(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("trackId", id);
        model.addAttribute(
                "playlists", viewer == null ? List.of() : playlists.byOwner(viewer.id(), viewer, null, LISTED));
        return "library/add-to-playlist";
    }

    @Bean
    static SignedInPages librarySignedInPages() {
        return () -> List.of(
                "/library",
                "/playlists",
                "/playlists/add",
                "/playlists/*/tracks/**",
                "/playlists/*/details",
                "/playlists/*/duplicate");
    }
}
