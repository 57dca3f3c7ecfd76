package fr.veza.privacy.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.Page;
import fr.veza.privacy.internal.ExportService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The privacy settings: one's data exports (ask for one, follow it, download it) and closing the account (its form
 * posts to identity, which owns accounts). The rules are the API's: owner-only, a few exports a day, 7 days to
 * download.
 */
@Page
class PrivacyPages {

    private final ExportService exports;
    private final ClientIpResolver ips;

    PrivacyPages(ExportService exports, ClientIpResolver ips) {
        this.exports = exports;
        this.ips = ips;
    }

    @GetMapping("/settings/privacy")
    String privacy(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("exports", exports.list(viewer.id()));
        return "privacy/settings-privacy";
    }

    @PostMapping("/settings/privacy/export")
    String requestExport(@AuthenticationPrincipal CurrentUser viewer, HttpServletRequest request) {
        exports.request(viewer.id(), ips.resolve(request));
        return "redirect:/settings/privacy?requested";
    }

    @GetMapping("/settings/privacy/exports/{id}/download")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id)
            throws IOException {
        return ExportController.archive(id, exports.download(viewer.id(), id));
    }
}
