package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AccountClosureService;
import fr.veza.identity.internal.BrowserSessionCookie;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Closing one's account from the privacy settings, and bringing it back from the sign-in page within the recovery
 * period: the same service and rules as {@code DELETE /api/v1/me} and {@code POST /api/v1/auth/recover}.
 */
@Page
class AccountPages {

    private final AccountClosureService closures;
    private final BrowserSessionCookie cookie;
    private final ClientContexts clients;
    private final FormErrors formErrors;

    AccountPages(
            AccountClosureService closures,
            BrowserSessionCookie cookie,
            ClientContexts clients,
            FormErrors formErrors) {
        this.closures = closures;
        this.cookie = cookie;
        this.clients = clients;
        this.formErrors = formErrors;
    }

    /** Signs the browser out with the account; the page says until when it can come back. */
    @PostMapping("/settings/account/close")
    String close(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "keep_public_tracks", defaultValue = "false") boolean keepPublicTracks,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            Instant deadline = closures.close(viewer.id(), password, keepPublicTracks, clients.of(request));
            cookie.clear(response);
            model.addAttribute("deadline", deadline);
            model.addAttribute("viewer", null);
            return "identity/closed";
        } catch (VezaException refused) {
            String reason = refused.errorCode() == ErrorCode.WRONG_PASSWORD ? "wrong-password" : "refused";
            return "redirect:/settings/privacy?close=" + reason;
        }
    }

    @GetMapping("/login/recover")
    String recoverForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "identity/recover";
    }

    @PostMapping("/login/recover")
    String recover(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            cookie.write(response, closures.recoverBrowser(email, password, clients.of(request)));
            return "redirect:/settings/privacy?recovered";
        } catch (VezaException refused) {
            errors.put("form", formErrors.sentence(refused));
            response.setStatus(FormErrors.status(refused));
        }
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "identity/recover";
    }
}
