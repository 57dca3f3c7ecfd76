package fr.veza.legal.web;

import fr.veza.identity.CurrentUser;
import fr.veza.legal.internal.DmcaNotice;
import fr.veza.legal.internal.DmcaService;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.ClientIpResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review queue; everything under /api/v1/admin needs the admin role. */
@RestController
@RequestMapping("/api/v1/admin/dmca/notices")
@Tag(name = "Legal")
@SecurityRequirement(name = "BearerAuth")
class DmcaAdminController {

    private static final Set<String> STATUSES =
            Set.of("received", "taken_down", "rejected", "counter_noticed", "restored");

    private final DmcaService dmca;
    private final ClientIpResolver ips;

    DmcaAdminController(DmcaService dmca, ClientIpResolver ips) {
        this.dmca = dmca;
        this.ips = ips;
    }

    @GetMapping
    @Operation(summary = "Notices, oldest first, optionally of one status")
    Map<String, List<NoticeView>> queue(@RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw VezaException.invalid("status", "must be one of " + STATUSES);
        }
        return Map.of("items", dmca.queue(status).stream().map(NoticeView::of).toList());
    }

    @GetMapping("/{id}")
    NoticeView get(@PathVariable UUID id) {
        return NoticeView.of(dmca.get(id));
    }

    @PostMapping("/{id}/takedown")
    @Operation(summary = "Take the track down: unavailable everywhere, uploader notified, one strike")
    NoticeView takeDown(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, HttpServletRequest request) {
        return NoticeView.of(dmca.takeDown(id, admin.id(), ips.resolve(request)));
    }

    @PostMapping("/{id}/reject")
    NoticeView reject(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable UUID id,
            @Valid @RequestBody Rejection body,
            HttpServletRequest request) {
        return NoticeView.of(dmca.reject(id, admin.id(), body.reason().strip(), ips.resolve(request)));
    }

    @PostMapping("/{id}/counter-notice")
    @Operation(
            summary = "Enter a counter-notice the agent received by mail or email",
            description = "For an uploader who cannot sign in, such as one suspended as a repeat infringer; the"
                    + " claimant is sent it and restoration is scheduled as for one sent through the API.")
    NoticeView recordCounterNotice(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable UUID id,
            @Valid @RequestBody DmcaController.CounterNotice body,
            HttpServletRequest request) {
        return NoticeView.of(dmca.recordCounterNotice(id, admin.id(), body.received(), ips.resolve(request)));
    }

    @PostMapping("/{id}/court-action")
    @Operation(summary = "Record that the claimant filed a court action: the track stays down")
    NoticeView courtAction(
            @AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, HttpServletRequest request) {
        return NoticeView.of(dmca.courtAction(id, admin.id(), ips.resolve(request)));
    }

    record Rejection(@NotBlank @Size(max = 2000) String reason) {}

    /** The whole notice for admins; the uploader sees the notice about their track without the claimant's contact. */
    record NoticeView(
            UUID id,
            String reference,
            String status,
            Claimant claimant,
            String copyrightedWork,
            UUID trackId,
            String infringingUrl,
            UUID uploaderId,
            Instant createdAt,
            Instant reviewedAt,
            String rejectionReason,
            DmcaNotice.CounterNotice counterNotice,
            Instant restoreAfter,
            Instant courtActionAt,
            Instant restoredAt) {

        static NoticeView of(DmcaNotice n) {
            return new NoticeView(
                    n.id(),
                    n.reference(),
                    n.status(),
                    new Claimant(
                            n.claimantName(), n.claimantAddress(), n.claimantEmail(), n.claimantPhone(), n.signature()),
                    n.copyrightedWork(),
                    n.trackId(),
                    n.infringingUrl(),
                    n.uploaderId(),
                    n.createdAt(),
                    n.reviewedAt(),
                    n.rejectionReason(),
                    n.counterNotice(),
                    n.restoreAfter(),
                    n.courtActionAt(),
                    n.restoredAt());
        }

        static NoticeView forUploader(DmcaNotice n) {
            return new NoticeView(
                    n.id(),
                    n.reference(),
                    n.status(),
                    new Claimant(n.claimantName(), null, null, null, null),
                    n.copyrightedWork(),
                    n.trackId(),
                    n.infringingUrl(),
                    n.uploaderId(),
                    n.createdAt(),
                    n.reviewedAt(),
                    null,
                    n.counterNotice(),
                    n.restoreAfter(),
                    n.courtActionAt(),
                    n.restoredAt());
        }
    }

    record Claimant(String name, String address, String email, String phone, String signature) {}
}
