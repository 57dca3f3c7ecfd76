package fr.veza.legal.web;

import fr.veza.identity.CurrentUser;
import fr.veza.legal.internal.DmcaNotice;
import fr.veza.legal.internal.DmcaService;
import fr.veza.platform.web.ClientIpResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.validator.constraints.URL;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dmca")
@Tag(name = "Legal")
class DmcaController {

    private final DmcaService dmca;
    private final ClientIpResolver ips;

    DmcaController(DmcaService dmca, ClientIpResolver ips) {
        this.dmca = dmca;
        this.ips = ips;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/notice")
    @Operation(
            summary = "File a copyright notice (17 USC 512(c)(3)(A))",
            description = "Anyone may file, logged in or not; every element is required and both statements must be"
                    + " true. Answers a reference to quote in any correspondence.")
    ResponseEntity<Filed> file(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Notice body, HttpServletRequest request) {
        DmcaNotice notice = dmca.file(
                new DmcaNotice.Claim(
                        body.claimantName().strip(),
                        body.claimantAddress().strip(),
                        body.claimantEmail().strip(),
                        body.claimantPhone().strip(),
                        body.copyrightedWork().strip(),
                        body.trackId(),
                        body.infringingUrl(),
                        body.signature().strip()),
                user == null ? null : user.id(),
                ips.resolve(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Filed(
                        notice.id(), notice.reference(), notice.status(), notice.trackId(), notice.createdAt()));
    }

    @PostMapping("/notices/{id}/counter-notice")
    @Operation(
            summary = "Counter a takedown of my track (17 USC 512(g)(3))",
            description = "By the uploader only. Forwarded to the claimant at once; the track is restored after"
                    + " DMCA_RESTORE_BUSINESS_DAYS business days unless the claimant reports a court action.")
    DmcaAdminController.NoticeView counterNotice(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @Valid @RequestBody CounterNotice body,
            HttpServletRequest request) {
        DmcaNotice notice = dmca.counterNotice(id, user.id(), body.received(), ips.resolve(request));
        return DmcaAdminController.NoticeView.forUploader(notice);
    }

    record Notice(
            @NotBlank @Size(max = 200) String claimantName,
            @NotBlank @Size(max = 500) String claimantAddress,
            @NotBlank @Email @Size(max = 254) String claimantEmail,
            @NotBlank @Size(max = 50) String claimantPhone,
            @NotBlank @Size(max = 2000) String copyrightedWork,
            UUID trackId,

            @Size(max = 2000) @URL(regexp = "^https?://.*", message = "must be an http(s) URL")
            String infringingUrl,

            @NotNull @AssertTrue(message = "must be true: a good-faith belief that the use is not authorised")
            Boolean goodFaithStatement,

            @NotNull @AssertTrue(message = "must be true: the notice is accurate, under penalty of perjury")
            Boolean accuracyStatement,

            @NotBlank @Size(max = 200) String signature) {

        @AssertTrue(message = "name the track: track_id or infringing_url")
        boolean isTrackNamed() {
            return trackId != null || (infringingUrl != null && !infringingUrl.isBlank());
        }
    }

    record CounterNotice(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String address,
            @NotBlank @Size(max = 50) String phone,
            @NotBlank @Email @Size(max = 254) String email,

            @NotNull
            @AssertTrue(message = "must be true: removed by mistake or misidentification, under penalty of perjury")
            Boolean statementOfGoodFaithMistake,

            @NotNull @AssertTrue(message = "must be true: consent to the court's jurisdiction and to accept service")
            Boolean consentToJurisdiction,

            @NotBlank @Size(max = 200) String signature) {

        DmcaNotice.CounterNotice received() {
            return new DmcaNotice.CounterNotice(
                    name.strip(), address.strip(), phone.strip(), email.strip(), signature.strip(), null);
        }
    }

    record Filed(UUID id, String reference, String status, UUID trackId, Instant createdAt) {}
}
