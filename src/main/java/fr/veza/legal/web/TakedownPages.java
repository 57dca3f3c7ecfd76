package fr.veza.legal.web;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.legal.internal.DmcaService;
import fr.veza.legal.internal.LegalSettings;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A takedown as its artist sees it, on the track's studio page: which notice, claiming which work, and the
 * counter-notice form with every element 17 USC 512(g)(3) asks for, checked by the same rules as the API; then the
 * counter-notice's course (restored on a date unless the claimant reports a court action).
 */
@Page
class TakedownPages {

    private final DmcaService dmca;
    private final TrackCatalog tracks;
    private final LegalSettings settings;
    private final Validator validator;
    private final ClientIpResolver ips;

    TakedownPages(
            DmcaService dmca, TrackCatalog tracks, LegalSettings settings, Validator validator, ClientIpResolver ips) {
        this.dmca = dmca;
        this.tracks = tracks;
        this.settings = settings;
        this.validator = validator;
        this.ips = ips;
    }

    @GetMapping("/studio/tracks/{id}/takedown")
    String takedown(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser uploader, Model model) {
        return show(ownTrack(id, uploader), uploader, model, Map.of(), Map.of());
    }

    @PostMapping("/studio/tracks/{id}/takedown/{noticeId}/counter-notice")
    String counterNotice(
            @PathVariable UUID id,
            @PathVariable UUID noticeId,
            @RequestParam Map<String, String> fields,
            @AuthenticationPrincipal CurrentUser uploader,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        TrackSummary track = ownTrack(id, uploader);
        CounterNoticeForm form = CounterNoticeForm.read(fields, validator);
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        if (form.valid()) {
            try {
                dmca.counterNotice(noticeId, uploader.id(), form.counter().received(), ips.resolve(request));
                return "redirect:/studio/tracks/" + id + "?counter-noticed";
            } catch (VezaException refused) {
                errors.put("form", refused.getMessage());
                response.setStatus(refused.errorCode().status());
            }
        } else {
            response.setStatus(422);
        }
        return show(track, uploader, model, form.values(), errors);
    }

    private String show(
            TrackSummary track,
            CurrentUser uploader,
            Model model,
            Map<String, String> form,
            Map<String, String> errors) {
        model.addAttribute("track", track);
        model.addAttribute("notices", dmca.takedownsOf(track.id(), uploader.id()));
        model.addAttribute("settings", settings);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "legal/takedown";
    }

    private TrackSummary ownTrack(UUID id, CurrentUser uploader) {
        return tracks.findVisible(id, uploader)
                .filter(track -> track.ownerId().equals(uploader.id()))
                .orElseThrow(() -> VezaException.notFound("track"));
    }
}
