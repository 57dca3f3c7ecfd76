package fr.veza.privacy.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.privacy.internal.DataExport;
import fr.veza.privacy.internal.ExportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Privacy")
@SecurityRequirement(name = "BearerAuth")
class ExportController {

    private final ExportService exports;
    private final ClientIpResolver ips;

    ExportController(ExportService exports, ClientIpResolver ips) {
        this.exports = exports;
        this.ips = ips;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/export")
    @Operation(
            summary = "Ask for an export of all my data",
            description = "A ZIP of JSON files and my original audio, built in the background; an email says when"
                    + " it is ready. At most EXPORTS_PER_DAY requests in 24 hours (429 with Retry-After beyond).")
    ResponseEntity<ExportView> request(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        DataExport export = exports.request(user.id(), ips.resolve(request));
        return ResponseEntity.accepted()
                .location(java.net.URI.create("/api/v1/me/exports/" + export.id()))
                .body(ExportView.of(export));
    }

    @GetMapping("/exports")
    @Operation(summary = "My exports, newest first: queued, running, ready, failed or expired")
    Map<String, List<ExportView>> list(@AuthenticationPrincipal CurrentUser user) {
        return Map.of(
                "items", exports.list(user.id()).stream().map(ExportView::of).toList());
    }

    @GetMapping("/exports/{id}/download")
    @Operation(
            summary = "Download a ready export (its owner only, until it expires)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The archive",
                            content =
                                    @Content(
                                            mediaType = "application/zip",
                                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id)
            throws IOException {
        return archive(id, exports.download(user.id(), id));
    }

    /** The archive as a download, for the API and the privacy page alike. */
    static ResponseEntity<InputStreamResource> archive(UUID id, ExportService.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(download.export().sizeBytes())
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("veza-export-" + id + ".zip")
                                .build()
                                .toString())
                .body(new InputStreamResource(download.content()));
    }

    record ExportView(
            UUID id,
            String status,
            Instant createdAt,
            Instant completedAt,
            Instant expiresAt,
            Long sizeBytes,
            String downloadUrl) {

        static ExportView of(DataExport export) {
            return new ExportView(
                    export.id(),
                    export.status(),
                    export.createdAt(),
                    export.completedAt(),
                    export.expiresAt(),
                    export.sizeBytes(),
                    export.status().equals("ready") ? "/api/v1/me/exports/" + export.id() + "/download" : null);
        }
    }
}
