package fr.veza.moderation.web;

import fr.veza.identity.CurrentUser;
import fr.veza.moderation.internal.ModerationService;
import fr.veza.moderation.internal.Report;
import fr.veza.moderation.web.ModerationViews.DecisionView;
import fr.veza.moderation.web.ModerationViews.MyReport;
import fr.veza.platform.web.ClientIpResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reporting something to moderators, and hearing what they decided. */
@RestController
@Tag(name = "Moderation")
@SecurityRequirement(name = "BearerAuth")
class ReportController {

    private final ModerationService moderation;
    private final ClientIpResolver ips;

    ReportController(ModerationService moderation, ClientIpResolver ips) {
        this.moderation = moderation;
        this.ips = ips;
    }

    /**
     * @param targetType message, comment, track, user or playlist
     * @param reason spam, harassment, hate, sexual_content, violence, impersonation or other
     */
    record NewReport(
            @NotBlank String targetType,
            @NotNull UUID targetId,
            @NotBlank String reason,
            @Size(max = ModerationService.MAX_DETAILS) String details) {}

    record Appeal(
            @NotBlank @Size(max = ModerationService.MAX_DETAILS)
            String statement) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/reports")
    @Operation(summary = "Report a message, comment, track, person or playlist to moderators (one open report each)")
    ResponseEntity<MyReport> report(
            @AuthenticationPrincipal CurrentUser me, @Valid @RequestBody NewReport body, HttpServletRequest request) {
        Report report = moderation.report(
                me, body.targetType(), body.targetId(), body.reason(), body.details(), ips.resolve(request));
        return ResponseEntity.created(URI.create("/api/v1/me/reports#" + report.id()))
                .body(MyReport.of(report, null));
    }

    @GetMapping("/api/v1/me/reports")
    @Operation(summary = "My reports, newest first, with what moderators decided")
    Map<String, List<MyReport>> mine(@AuthenticationPrincipal CurrentUser me) {
        return Map.of(
                "items",
                moderation.reportsOf(me).stream()
                        .map(m -> MyReport.of(m.report(), m.outcome()))
                        .toList());
    }

    @GetMapping("/api/v1/me/moderation")
    @Operation(summary = "What moderators decided about what I published (hidings I may appeal, warnings)")
    Map<String, List<DecisionView>> aboutMe(@AuthenticationPrincipal CurrentUser me) {
        return Map.of(
                "items",
                moderation.decisionsAbout(me).stream().map(DecisionView::of).toList());
    }

    @PostMapping("/api/v1/moderation/decisions/{id}/appeal")
    @Operation(summary = "Appeal, once, a hiding of what I published")
    DecisionView appeal(
            @AuthenticationPrincipal CurrentUser me,
            @PathVariable UUID id,
            @Valid @RequestBody Appeal body,
            HttpServletRequest request) {
        return DecisionView.of(moderation.appeal(me, id, body.statement(), ips.resolve(request)));
    }
}
