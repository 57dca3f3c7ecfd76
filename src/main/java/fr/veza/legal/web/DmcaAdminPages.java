package fr.veza.legal.web;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.legal.internal.DmcaNotice;
import fr.veza.legal.internal.DmcaService;
import fr.veza.legal.internal.LegalSettings;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.AdminDecisions;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's DMCA queue: notices by status, each with every element the claimant gave, the track and its
 * uploader, the counter-notice if any and the audit trail; and the decisions (take down, reject with a reason,
 * enter a counter-notice received by mail, record a court action), each confirmed by a ticked box and audited by
 * the same service the admin API uses.
 */
@Page
class DmcaAdminPages {

    static final List<String> STATUSES = List.of("received", "taken_down", "counter_noticed", "rejected", "restored");
    private static final int TRAIL = 200;

    private final DmcaService dmca;
    private final TrackCatalog tracks;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final LegalSettings settings;
    private final Validator validator;
    private final FormErrors formErrors;
    private final AdminDecisions decisions;
    private final ClientIpResolver ips;

    DmcaAdminPages(
            DmcaService dmca,
            TrackCatalog tracks,
            UserDirectory users,
            AuditTrail audit,
            LegalSettings settings,
            Validator validator,
            FormErrors formErrors,
            AdminDecisions decisions,
            ClientIpResolver ips) {
        this.decisions = decisions;
        this.dmca = dmca;
        this.tracks = tracks;
        this.users = users;
        this.audit = audit;
        this.settings = settings;
        this.validator = validator;
        this.formErrors = formErrors;
        this.ips = ips;
    }

    @GetMapping("/admin/dmca")
    String queue(@RequestParam(defaultValue = "received") String status, Model model) {
        String shown = STATUSES.contains(status) || "all".equals(status) ? status : "received";
        List<DmcaNotice> notices = dmca.queue("all".equals(shown) ? null : shown);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("counts", dmca.countsByStatus());
        model.addAttribute("notices", notices);
        return "legal/admin-queue";
    }

    @GetMapping("/admin/dmca/{id}")
    String notice(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin, Model model) {
        return noticePage(dmca.get(id), admin, model, Map.of(), Map.of());
    }

    /** An account's strikes, shown on its admin page. */
    @GetMapping("/admin/users/{id}/strikes")
    String strikes(@PathVariable UUID id, Model model) {
        model.addAttribute("strikes", dmca.strikesOf(id));
        model.addAttribute("limit", dmca.strikesToSuspend());
        return "legal/admin-strikes";
    }

    @PostMapping("/admin/dmca/{id}/takedown")
    String takeDown(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decide(
                id,
                "takedown",
                admin,
                response,
                model,
                decisions.take("takedown", confirm, () -> dmca.takeDown(id, admin.id(), ips.resolve(request))));
    }

    @PostMapping("/admin/dmca/{id}/reject")
    String reject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (reason.isBlank() || reason.length() > 2000) {
            response.setStatus(422);
            return noticePage(
                    dmca.get(id),
                    admin,
                    model,
                    Map.of("reason", reason),
                    Map.of("reason", formErrors.text("dmca.admin.reason-needed")));
        }
        return decide(
                id,
                "reject",
                admin,
                response,
                model,
                decisions.take(
                        "reject", confirm, () -> dmca.reject(id, admin.id(), reason.strip(), ips.resolve(request))));
    }

    @PostMapping("/admin/dmca/{id}/court-action")
    String courtAction(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decide(
                id,
                "court-action",
                admin,
                response,
                model,
                decisions.take("court-action", confirm, () -> dmca.courtAction(id, admin.id(), ips.resolve(request))));
    }

    @PostMapping("/admin/dmca/{id}/counter-notice")
    String counterNotice(
            @PathVariable UUID id,
            @RequestParam Map<String, String> fields,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CounterNoticeForm form = CounterNoticeForm.read(fields, validator);
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        if (!"true".equals(fields.get("confirm"))) {
            errors.put("confirm-counter-notice", formErrors.text("admin.confirm-needed"));
        }
        if (errors.isEmpty()) {
            try {
                dmca.recordCounterNotice(id, admin.id(), form.counter().received(), ips.resolve(request));
                return "redirect:/admin/dmca/" + id + "?decided=counter-notice";
            } catch (VezaException refused) {
                errors.put("form", refused.getMessage());
                response.setStatus(refused.errorCode().status());
                return noticePage(dmca.get(id), admin, model, form.values(), errors);
            }
        }
        response.setStatus(422);
        return noticePage(dmca.get(id), admin, model, form.values(), errors);
    }

    private String decide(
            UUID id,
            String decision,
            CurrentUser admin,
            HttpServletResponse response,
            Model model,
            AdminDecisions.Decision<?> decided) {
        if (decided.taken()) {
            return "redirect:/admin/dmca/" + id + "?decided=" + decision;
        }
        response.setStatus(422);
        return noticePage(dmca.get(id), admin, model, Map.of(), decided.refused());
    }

    private String noticePage(
            DmcaNotice notice, CurrentUser admin, Model model, Map<String, String> form, Map<String, String> errors) {
        List<AuditTrail.Logged> trail = audit.of("dmca_notice", notice.id(), TRAIL);
        TrackSummary track = notice.trackId() == null
                ? null
                : tracks.findVisible(notice.trackId(), admin).orElse(null);
        // the notice names its uploader once the track is down; until then it is the track's owner
        UUID uploader = notice.uploaderId() != null ? notice.uploaderId() : track == null ? null : track.ownerId();
        List<UUID> people = Stream.concat(Stream.ofNullable(uploader), AuditTrail.actors(trail))
                .distinct()
                .toList();
        model.addAttribute("notice", notice);
        model.addAttribute("track", track);
        model.addAttribute("uploader", uploader);
        model.addAttribute("people", users.findAll(people));
        model.addAttribute("trail", trail);
        model.addAttribute("settings", settings);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "legal/admin-notice";
    }
}
