package fr.veza.catalog.web;

import fr.veza.catalog.internal.Track;
import fr.veza.catalog.internal.TrackCoverService;
import fr.veza.catalog.internal.TrackService;
import fr.veza.catalog.internal.TrackUploadService;
import fr.veza.catalog.internal.Visibility;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The artist's studio: their tracks with status and numbers, the upload form, and each track's page where its
 * processing state follows live and its details are edited or it is deleted. Every form goes through the same
 * services and rules as the API.
 */
@Page
class StudioPages {

    static final String LABELS = "upload.field.";

    private final TrackService tracks;
    private final TrackUploadService uploads;
    private final TrackViews views;
    private final FormErrors formErrors;
    private final TrackCoverService covers;

    StudioPages(
            TrackService tracks,
            TrackUploadService uploads,
            TrackViews views,
            FormErrors formErrors,
            TrackCoverService covers) {
        this.covers = covers;
        this.tracks = tracks;
        this.uploads = uploads;
        this.views = views;
        this.formErrors = formErrors;
    }

    @Bean
    static SignedInPages studioSignedInPages() {
        return () -> List.of("/studio", "/studio/**");
    }

    @GetMapping("/studio")
    String studio(
            @AuthenticationPrincipal CurrentUser artist, @RequestParam(required = false) String cursor, Model model) {
        CursorPage<Track> page = tracks.list(artist.id(), artist, Cursor.decode(cursor), 25);
        model.addAttribute(
                "tracks",
                page.items().stream()
                        .map(track -> views.detailed(track, artist))
                        .toList());
        model.addAttribute("next", page.nextCursor() == null ? null : "/studio?cursor=" + page.nextCursor());
        return "catalog/studio";
    }

    @GetMapping("/studio/upload")
    String uploadForm(Model model) {
        model.addAttribute("form", UploadForm.EMPTY);
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("errors", Map.of());
        return "catalog/upload";
    }

    /**
     * The upload itself. The page's script sends it with progress and follows the redirect to the new track; without
     * the script it is a plain form post. A refusal comes back as the form with the reason beside its field.
     */
    @PostMapping("/studio/upload")
    String upload(
            @AuthenticationPrincipal CurrentUser artist,
            UploadForm form,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) MultipartFile cover,
            HttpServletResponse response,
            Model model)
            throws IOException {
        try {
            Track track = uploads.upload(artist, form.metadata(), file, cover);
            return "redirect:/studio/tracks/" + track.id();
        } catch (VezaException refused) {
            response.setStatus(refused.errorCode().status());
            model.addAttribute("form", form);
            model.addAttribute("visibilities", Visibility.values());
            model.addAttribute("errors", Map.of(field(refused), formErrors.sentence(refused, LABELS)));
            return "catalog/upload";
        }
    }

    @GetMapping("/studio/tracks/{id}")
    String track(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser artist, Model model) {
        TrackView track = managed(id, artist);
        model.addAttribute("form", UploadForm.of(track));
        model.addAttribute("errors", Map.of());
        return trackPage(track, model);
    }

    /** The processing state alone, which the track's page asks for again while the track is being processed. */
    @GetMapping("/studio/tracks/{id}/state")
    String state(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser artist, Model model) {
        model.addAttribute("track", managed(id, artist));
        return "catalog/studio-track :: state";
    }

    @PostMapping("/studio/tracks/{id}")
    String edit(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser artist,
            UploadForm form,
            HttpServletResponse response,
            Model model) {
        TrackView current = managed(id, artist);
        try {
            TrackUploadService.TrackMetadata metadata = form.metadata();
            tracks.update(id, artist, unused -> metadata);
            return "redirect:/studio/tracks/" + id + "?saved";
        } catch (VezaException refused) {
            response.setStatus(FormErrors.status(refused));
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of(field(refused), formErrors.sentence(refused, LABELS)));
            return trackPage(current, model);
        }
    }

    @PostMapping("/studio/tracks/{id}/cover")
    String replaceCover(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser artist,
            @RequestParam(name = "cover", required = false) MultipartFile cover,
            HttpServletResponse response,
            Model model)
            throws IOException, InterruptedException {
        TrackView current = managed(id, artist);
        try {
            covers.replace(id, artist, cover);
            return "redirect:/studio/tracks/" + id + "?cover-replaced";
        } catch (VezaException refused) {
            // 422 whatever the API would answer (413, 415, 409): the page shows the refusal beside the field
            response.setStatus(422);
            model.addAttribute("form", UploadForm.of(current));
            model.addAttribute("errors", Map.of("cover", formErrors.sentence(refused, LABELS)));
            return trackPage(current, model);
        }
    }

    @PostMapping("/studio/tracks/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser artist,
            @RequestParam(defaultValue = "false") boolean confirm,
            HttpServletResponse response,
            Model model) {
        TrackView current = managed(id, artist);
        if (!confirm) {
            response.setStatus(422);
            model.addAttribute("form", UploadForm.of(current));
            model.addAttribute("errors", Map.of("confirm", formErrors.text("studio.delete.confirm-required")));
            return trackPage(current, model);
        }
        tracks.delete(id, artist);
        return "redirect:/studio?deleted";
    }

    private String trackPage(TrackView track, Model model) {
        model.addAttribute("track", track);
        model.addAttribute("visibilities", Visibility.values());
        return "catalog/studio-track";
    }

    /** The viewer's own track (or any, for an admin); anyone else's is answered as if it did not exist. */
    private TrackView managed(UUID id, CurrentUser viewer) {
        TrackView track = views.detailed(tracks.get(id, viewer), viewer);
        if (track.original() == null) {
            throw VezaException.notFound("track");
        }
        return track;
    }

    private String field(VezaException refused) {
        return refused.violations().isEmpty()
                ? "form"
                : refused.violations().get(0).field();
    }

    /** The upload and edit form as posted; the tags are one comma-separated box. */
    public record UploadForm(String title, String description, String genre, String tags, String visibility) {

        static final UploadForm EMPTY = new UploadForm("", "", "", "", Visibility.PUBLIC.value());

        static UploadForm of(TrackView track) {
            return new UploadForm(
                    track.title(),
                    track.description(),
                    track.genre(),
                    String.join(", ", track.tags()),
                    track.visibility().value());
        }

        TrackUploadService.TrackMetadata metadata() {
            List<String> split = tags == null ? List.of() : Arrays.asList(tags.split(","));
            return TrackRequests.metadata(title, description, genre, split, visibility);
        }
    }
}
