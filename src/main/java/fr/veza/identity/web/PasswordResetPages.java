package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AccountEmailSettings;
import fr.veza.identity.internal.EmailChangeService;
import fr.veza.identity.internal.EmailVerificationService;
import fr.veza.identity.internal.PasswordResetService;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of mailed links: "Forgot password?" (the address asked for, then the same answer whoever it belongs
 * to), the reset form the link opens, and the email confirmation, which takes a click on the page so that a mail
 * scanner opening the link confirms nothing.
 */
@Page
class PasswordResetPages {

    private final PasswordResetService resets;
    private final EmailVerificationService verification;
    private final EmailChangeService changes;
    private final ClientContexts clients;
    private final FormErrors formErrors;
    private final AccountEmailSettings settings;

    PasswordResetPages(
            PasswordResetService resets,
            EmailVerificationService verification,
            EmailChangeService changes,
            ClientContexts clients,
            FormErrors formErrors,
            AccountEmailSettings settings) {
        this.changes = changes;
        this.settings = settings;
        this.resets = resets;
        this.verification = verification;
        this.clients = clients;
        this.formErrors = formErrors;
    }

    @GetMapping("/login/forgot")
    String forgotForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "identity/forgot";
    }

    @PostMapping("/login/forgot")
    String forgot(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("email", email);
        if (email.isBlank()) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("email", formErrors.text("forgot.email-needed")));
            return "identity/forgot";
        }
        try {
            resets.request(email, clients.of(request));
        } catch (VezaException refused) {
            response.setStatus(FormErrors.status(refused));
            model.addAttribute("errors", Map.of("form", formErrors.sentence(refused)));
            return "identity/forgot";
        }
        model.addAttribute("sent", true);
        model.addAttribute("minutes", settings.passwordResetTtl().toMinutes());
        model.addAttribute("errors", Map.of());
        return "identity/forgot";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "password_again", defaultValue = "") String again,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!password.equals(again)) {
            errors.put("password_again", formErrors.text("reset.mismatch"));
            response.setStatus(422);
        } else {
            try {
                resets.reset(token, password, clients.of(request));
                return "redirect:/login?reset";
            } catch (VezaException refused) {
                if (refused.errorCode() == ErrorCode.LINK_EXPIRED) {
                    errors.put("form", formErrors.text("reset.link-expired"));
                } else {
                    formErrors.add(errors, refused, "reset.field.");
                }
                response.setStatus(FormErrors.status(refused));
            }
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "identity/reset-password";
    }

    @GetMapping("/verify-email")
    String verifyForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "identity/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        try {
            verification.verify(token);
            model.addAttribute("verified", true);
        } catch (VezaException refused) {
            response.setStatus(FormErrors.status(refused));
            model.addAttribute("error", formErrors.text("verify.link-expired"));
        }
        model.addAttribute("token", token);
        return "identity/verify-email";
    }

    @PostMapping("/settings/verify-email")
    String resend(@AuthenticationPrincipal CurrentUser viewer) {
        try {
            verification.resend(viewer);
            return "redirect:/settings/profile?verification-sent";
        } catch (VezaException refused) {
            return "redirect:/settings/profile?verification-refused";
        }
    }

    /** A refusal comes back to the profile page as its kind: the form there says what to do. */
    @PostMapping("/settings/email")
    String changeEmail(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request) {
        try {
            changes.request(viewer, email, password, clients.of(request));
            return "redirect:/settings/profile?email-change-sent";
        } catch (VezaException refused) {
            return "redirect:/settings/profile?email-change-error="
                    + refused.errorCode().code();
        }
    }

    @GetMapping("/confirm-email")
    String confirmEmailForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "identity/confirm-email";
    }

    @PostMapping("/confirm-email")
    String confirmEmail(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        try {
            changes.confirm(token);
            model.addAttribute("confirmed", true);
        } catch (VezaException refused) {
            response.setStatus(FormErrors.status(refused));
            model.addAttribute(
                    "error",
                    formErrors.text(
                            refused.errorCode() == ErrorCode.EMAIL_TAKEN
                                    ? "confirm-email.taken"
                                    : "confirm-email.link-expired"));
        }
        model.addAttribute("token", token);
        return "identity/confirm-email";
    }
}
