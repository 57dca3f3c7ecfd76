package fr.veza.moderation.web;

import fr.veza.identity.CurrentUser;
import fr.veza.moderation.internal.ModerationService;
import fr.veza.moderation.web.ModerationViews.CaseView;
import fr.veza.moderation.web.ModerationViews.DecisionView;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.ClientIpResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderators' queue: open only to moderators and admins (ModerationEndpoints). */
@RestController
@Tag(name = "Moderation")
@SecurityRequirement(name = "BearerAuth")
class ModerationAdminController {

    private final ModerationService moderation;
    private final ClientIpResolver ips;

    ModerationAdminController(ModerationService moderation, ClientIpResolver ips) {
        this.moderation = moderation;
        this.ips = ips;
    }

    /**
     * @param note what the author is told (required to warn)
     * @param days a suspension's length; none suspends for good
     */
    record Verdict(
            @Size(max = ModerationService.MAX_NOTE) String note,

            @Min(1) @Max(ModerationService.MAX_SUSPENSION_DAYS)
            Integer days) {}

    @GetMapping("/api/v1/admin/reports")
    @Operation(
            summary = "Open reports grouped by target, the longest waiting first (status=open), or the latest"
                    + " decisions (status=resolved)")
    Map<String, List<?>> queue(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return switch (status) {
            case "open" ->
                Map.of(
                        "items",
                        moderation.queue(limit).stream().map(CaseView::of).toList());
            case "resolved" ->
                Map.of(
                        "items",
                        moderation.recentDecisions(limit).stream()
                                .map(DecisionView::of)
                                .toList());
            default -> throw VezaException.invalid("status", "must be open or resolved");
        };
    }

    @GetMapping("/api/v1/admin/reports/{id}")
    @Operation(summary = "The case of a report: its target as it is now, every report and decision about it")
    CaseView get(@PathVariable UUID id) {
        return CaseView.of(moderation.caseOf(id));
    }

    @PostMapping("/api/v1/admin/reports/{id}/{action}")
    @Operation(
            summary = "Decide every open report about this report's target: dismiss, hide, warn, suspend or"
                    + " escalate (to copyright)")
    DecisionView decide(
            @AuthenticationPrincipal CurrentUser moderator,
            @PathVariable UUID id,
            @PathVariable String action,
            @Valid @RequestBody(required = false) Verdict body,
            HttpServletRequest request) {
        Verdict verdict = body == null ? new Verdict(null, null) : body;
        return DecisionView.of(
                moderation.decide(moderator, id, action, verdict.note(), verdict.days(), ips.resolve(request)));
    }

    @GetMapping("/api/v1/admin/appeals")
    @Operation(summary = "Appealed hidings waiting for a decision, oldest first")
    Map<String, List<DecisionView>> appeals(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return Map.of(
                "items",
                moderation.openAppeals(limit).stream().map(DecisionView::of).toList());
    }

    @PostMapping("/api/v1/admin/appeals/{id}/uphold")
    @Operation(summary = "Uphold an appealed hiding: it stays hidden")
    DecisionView uphold(
            @AuthenticationPrincipal CurrentUser moderator, @PathVariable UUID id, HttpServletRequest request) {
        return DecisionView.of(moderation.decideAppeal(moderator, id, false, ips.resolve(request)));
    }

    @PostMapping("/api/v1/admin/appeals/{id}/reverse")
    @Operation(summary = "Reverse an appealed hiding: the content is back for everyone")
    DecisionView reverse(
            @AuthenticationPrincipal CurrentUser moderator, @PathVariable UUID id, HttpServletRequest request) {
        return DecisionView.of(moderation.decideAppeal(moderator, id, true, ips.resolve(request)));
    }
}
