package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.identity.internal.AccountService;
import fr.veza.identity.internal.BrowserSessionCookie;
import fr.veza.identity.internal.SessionService;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign up, sign in and sign out as HTML forms that work with or without JavaScript. The rules are the API's: the
 * same validation, password policy, login limits and account states; errors are shown next to their field.
 */
@Page
class SignInPages {

    private final AccountService accounts;
    private final SessionService sessions;
    private final BrowserSessionCookie cookie;
    private final ClientContexts clients;
    private final Validator validator;
    private final FormErrors formErrors;

    SignInPages(
            AccountService accounts,
            SessionService sessions,
            BrowserSessionCookie cookie,
            ClientContexts clients,
            Validator validator,
            FormErrors formErrors) {
        this.formErrors = formErrors;
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookie = cookie;
        this.clients = clients;
        this.validator = validator;
    }

    @GetMapping("/login")
    String loginForm(
            @RequestParam(required = false) String next, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        if (viewer != null) {
            return "redirect:" + safeNext(next);
        }
        model.addAttribute("next", safeNext(next));
        model.addAttribute("login", "");
        return "identity/login";
    }

    @PostMapping("/login")
    String login(
            @RequestParam(defaultValue = "") String login,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (login.isBlank()) {
            errors.put("login", text("login.error.missing-login"));
        }
        if (password.isEmpty()) {
            errors.put("password", text("login.error.missing-password"));
        }
        if (errors.isEmpty()) {
            try {
                cookie.write(response, sessions.signInBrowser(login.trim(), password, clients.of(request)));
                return "redirect:" + safeNext(next);
            } catch (VezaException refused) {
                errors.put(
                        refused.errorCode() == ErrorCode.INVALID_CREDENTIALS ? "password" : "form",
                        formErrors.sentence(refused));
                response.setStatus(FormErrors.status(refused));
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("next", safeNext(next));
        model.addAttribute("login", login);
        model.addAttribute("errors", errors);
        return "identity/login";
    }

    @GetMapping("/signup")
    String signupForm(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        if (viewer != null) {
            return "redirect:/";
        }
        model.addAttribute("form", new SignUpForm("", "", false));
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signup(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "false") boolean artist,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Role role = artist ? Role.ARTIST : Role.LISTENER;
        var asked = new AuthRequests.Register(email.trim(), username.trim(), password, role);
        Map<String, String> errors = new LinkedHashMap<>();
        validator
                .validate(asked)
                .forEach(violation -> errors.putIfAbsent(
                        violation.getPropertyPath().toString(),
                        label(violation.getPropertyPath().toString()) + " " + violation.getMessage() + "."));
        if (errors.isEmpty()) {
            try {
                var registration = accounts.registerBrowser(
                        asked.email(), asked.username(), asked.password(), role, clients.of(request));
                cookie.write(response, registration.session());
                return "redirect:/";
            } catch (VezaException refused) {
                formErrors.add(errors, refused);
                response.setStatus(FormErrors.status(refused));
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("form", new SignUpForm(email, username, artist));
        model.addAttribute("errors", errors);
        return "identity/signup";
    }

    @PostMapping("/logout")
    String logout(
            @AuthenticationPrincipal CurrentUser viewer, HttpServletRequest request, HttpServletResponse response) {
        if (viewer != null) {
            sessions.logout(viewer, clients.of(request));
        }
        cookie.clear(response);
        return "redirect:/";
    }

    record SignUpForm(String email, String username, boolean artist) {}

    /** Only a path of this site: never another host, so a link cannot use sign-in to send people elsewhere. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private String label(String field) {
        return formErrors.text("field." + field);
    }

    private String text(String key) {
        return formErrors.text(key);
    }
}
