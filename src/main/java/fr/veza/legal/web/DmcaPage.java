package fr.veza.legal.web;

import fr.veza.identity.CurrentUser;
import fr.veza.legal.internal.DmcaNotice;
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
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public DMCA page: the designated agent, the repeat-infringer policy, and a notice form with every element
 * 17 USC 512(c)(3)(A) asks for. The form is checked by the same rules as {@code POST /api/v1/dmca/notice}, and a
 * filed notice shows its reference.
 */
@Page
class DmcaPage {

    private final LegalSettings settings;
    private final DmcaService dmca;
    private final Validator validator;
    private final ClientIpResolver ips;

    DmcaPage(LegalSettings settings, DmcaService dmca, Validator validator, ClientIpResolver ips) {
        this.settings = settings;
        this.dmca = dmca;
        this.validator = validator;
        this.ips = ips;
    }

    @GetMapping("/legal/dmca")
    String page(@RequestParam(required = false) UUID track, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("track_id", track == null ? "" : track.toString());
        return show(model, form, Map.of());
    }

    @PostMapping("/legal/dmca")
    String file(
            @RequestParam Map<String, String> fields,
            @AuthenticationPrincipal CurrentUser viewer,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.remove("_csrf");
        Map<String, String> errors = new LinkedHashMap<>();
        UUID trackId = null;
        String track = form.getOrDefault("track_id", "").strip();
        if (!track.isEmpty()) {
            try {
                trackId = UUID.fromString(track);
            } catch (IllegalArgumentException notAnId) {
                errors.put("track_id", "Track id is not a Veza track id; give the track's address instead.");
            }
        }
        String url = form.getOrDefault("infringing_url", "").strip();
        var notice = new DmcaController.Notice(
                text(form, "claimant_name"),
                text(form, "claimant_address"),
                text(form, "claimant_email"),
                text(form, "claimant_phone"),
                text(form, "copyrighted_work"),
                trackId,
                url.isEmpty() ? null : url,
                "true".equals(form.get("good_faith_statement")),
                "true".equals(form.get("accuracy_statement")),
                text(form, "signature"));
        validator.validate(notice).forEach(violation -> {
            String field = DmcaForms.snake(violation.getPropertyPath().toString());
            errors.putIfAbsent(
                    field.equals("track_named") ? "infringing_url" : field, DmcaForms.sentence(violation.getMessage()));
        });
        if (errors.isEmpty()) {
            try {
                DmcaNotice filed = dmca.file(
                        new DmcaNotice.Claim(
                                notice.claimantName(),
                                notice.claimantAddress(),
                                notice.claimantEmail(),
                                notice.claimantPhone(),
                                notice.copyrightedWork(),
                                notice.trackId(),
                                notice.infringingUrl(),
                                notice.signature()),
                        viewer == null ? null : viewer.id(),
                        ips.resolve(request));
                response.setStatus(HttpStatus.CREATED.value());
                model.addAttribute("reference", filed.reference());
                return show(model, Map.of(), Map.of());
            } catch (VezaException refused) {
                errors.put(
                        refused.violations().isEmpty()
                                ? "form"
                                : DmcaForms.snake(refused.violations().get(0).field()),
                        refused.getMessage());
                response.setStatus(refused.errorCode().status());
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return show(model, form, errors);
    }

    private String show(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("settings", settings);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "legal/dmca";
    }

    private static String text(Map<String, String> form, String field) {
        return form.getOrDefault(field, "").strip();
    }
}
