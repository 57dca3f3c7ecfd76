package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AccountService;
import fr.veza.identity.internal.PasswordChangeService;
import fr.veza.identity.internal.ProfileImageService;
import fr.veza.identity.internal.SessionService;
import fr.veza.identity.internal.UserRecord;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A person's own settings as pages: the profile with its images, the password, and where they are signed in. Each
 * form goes through the same services and rules as the REST API; a refusal is shown beside its field.
 */
@Page
class SettingsPages {

    private final AccountService accounts;
    private final ProfileImageService images;
    private final PasswordChangeService passwordChanges;
    private final SessionService sessions;
    private final ClientContexts clients;
    private final Validator validator;
    private final FormErrors formErrors;

    SettingsPages(
            AccountService accounts,
            ProfileImageService images,
            PasswordChangeService passwordChanges,
            SessionService sessions,
            ClientContexts clients,
            Validator validator,
            FormErrors formErrors) {
        this.accounts = accounts;
        this.images = images;
        this.passwordChanges = passwordChanges;
        this.sessions = sessions;
        this.clients = clients;
        this.validator = validator;
        this.formErrors = formErrors;
    }

    @Bean
    static SignedInPages settingsSignedInPages() {
        return () -> List.of("/settings", "/settings/**");
    }

    @GetMapping("/settings")
    String settings() {
        return "redirect:/settings/profile";
    }

    @GetMapping("/settings/profile")
    String profile(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("form", ProfileForm.of(accounts.get(viewer.id())));
        return profilePage(viewer, model, Map.of());
    }

    @PostMapping("/settings/profile")
    String saveProfile(
            @AuthenticationPrincipal CurrentUser viewer, ProfileForm form, HttpServletResponse response, Model model) {
        ProfilePatch patch = form.patch();
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(patch).forEach(violation -> {
            // links[2].<list element> is the links field, as the form has one box for them all
            String field = snake(violation.getPropertyPath().toString().split("[.\\[]")[0]);
            errors.putIfAbsent(field, formErrors.text("field." + field) + " " + violation.getMessage() + ".");
        });
        if (errors.isEmpty()) {
            accounts.updateProfile(viewer.id(), patch::applyTo);
            return "redirect:/settings/profile?saved";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("form", form);
        return profilePage(viewer, model, errors);
    }

    /** A new avatar or banner: sniffed, size-capped and redrawn by the same service as the API's upload. */
    @PostMapping("/settings/profile/{kind:avatar|banner}")
    String replaceImage(
            @AuthenticationPrincipal CurrentUser viewer,
            @PathVariable String kind,
            @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response,
            Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw VezaException.invalid("file", "choose an image");
            }
            if (file.getSize() > ProfileImageService.MAX_BYTES) {
                throw ProfileImageService.tooLarge();
            }
            images.replace(viewer, kind(kind), file.getBytes());
            return "redirect:/settings/profile?saved";
        } catch (VezaException refused) {
            response.setStatus(FormErrors.status(refused));
            model.addAttribute("form", ProfileForm.of(accounts.get(viewer.id())));
            return profilePage(viewer, model, Map.of(kind, formErrors.sentence(refused)));
        }
    }

    @PostMapping("/settings/profile/{kind:avatar|banner}/remove")
    String removeImage(@AuthenticationPrincipal CurrentUser viewer, @PathVariable String kind) {
        images.remove(viewer, kind(kind));
        return "redirect:/settings/profile?saved";
    }

    /** Becoming an artist from the upload page: the role changes at once, and the studio opens. */
    @PostMapping("/settings/artist")
    String becomeArtist(@AuthenticationPrincipal CurrentUser viewer, HttpServletRequest request) {
        accounts.becomeArtist(viewer, clients.of(request));
        return "redirect:/studio/upload";
    }

    @GetMapping("/settings/password")
    String password(Model model) {
        model.addAttribute("errors", Map.of());
        return "identity/settings-password";
    }

    @PostMapping("/settings/password")
    String changePassword(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String next,
            @RequestParam(name = "confirm_password", defaultValue = "") String confirm,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!next.equals(confirm)) {
            errors.put("confirm_password", formErrors.text("settings.password.mismatch"));
        } else {
            try {
                int signedOut = passwordChanges.change(viewer, current, next, clients.of(request));
                return "redirect:/settings/password?changed=" + signedOut;
            } catch (VezaException refused) {
                formErrors.add(errors, refused);
                response.setStatus(FormErrors.status(refused));
            }
        }
        if (response.getStatus() < 400) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("errors", errors);
        return "identity/settings-password";
    }

    @GetMapping("/settings/sessions")
    String sessions(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("sessions", sessions.activeSessions(viewer.id()));
        model.addAttribute("current", viewer.sessionId());
        return "identity/settings-sessions";
    }

    @PostMapping("/settings/sessions/{id}/revoke")
    String revokeSession(
            @AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id, HttpServletRequest request) {
        sessions.revoke(viewer.id(), id, "revoked_by_user", clients.of(request));
        return id.equals(viewer.sessionId()) ? "redirect:/login" : "redirect:/settings/sessions?signed-out=1";
    }

    @PostMapping("/settings/sessions/revoke-others")
    String revokeOthers(@AuthenticationPrincipal CurrentUser viewer, HttpServletRequest request) {
        int signedOut = sessions.revokeOthers(viewer, "revoked_by_user", clients.of(request));
        return "redirect:/settings/sessions?signed-out=" + signedOut;
    }

    private String profilePage(CurrentUser viewer, Model model, Map<String, String> errors) {
        UserRecord me = accounts.get(viewer.id());
        model.addAttribute("me", me);
        model.addAttribute("errors", errors);
        return "identity/settings-profile";
    }

    private static ProfileImageService.Kind kind(String kind) {
        return "avatar".equals(kind) ? ProfileImageService.Kind.AVATAR : ProfileImageService.Kind.BANNER;
    }

    private static String snake(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The profile form's fields, as typed; links one per line. */
    public record ProfileForm(
            String displayName, String pronouns, String bio, String location, String website, String links) {

        static ProfileForm of(UserRecord user) {
            return new ProfileForm(
                    user.displayName(),
                    user.pronouns(),
                    user.bio(),
                    user.location(),
                    user.website(),
                    String.join("\n", user.links()));
        }

        /** The one-line fields by input name, for the form. */
        public Map<String, String> values() {
            Map<String, String> values = new java.util.HashMap<>();
            values.put("displayName", displayName);
            values.put("pronouns", pronouns);
            values.put("location", location);
            values.put("website", website);
            return values;
        }

        /** Every field is sent, so an emptied one is cleared. */
        ProfilePatch patch() {
            List<String> linkList = links == null
                    ? List.of()
                    : Arrays.stream(links.split("\\R"))
                            .map(String::strip)
                            .filter(link -> !link.isEmpty())
                            .toList();
            return new ProfilePatch(
                    JsonNullable.of(blankToNull(displayName)),
                    JsonNullable.undefined(),
                    JsonNullable.undefined(),
                    JsonNullable.of(blankToNull(bio)),
                    JsonNullable.of(blankToNull(location)),
                    JsonNullable.undefined(),
                    JsonNullable.undefined(),
                    JsonNullable.of(blankToNull(website)),
                    JsonNullable.of(blankToNull(pronouns)),
                    JsonNullable.of(linkList));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
