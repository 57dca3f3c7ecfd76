package fr.veza.identity.web;

import fr.veza.identity.ApiScope;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.ApiKeyService;
import fr.veza.identity.internal.AppPasswordService;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The credentials a person hands to software: API keys for scripts and apps, app passwords for music players. A new
 * one is shown on the answer to its creation only (never stored in the clear, never shown again); revoking one
 * stops it at once.
 */
@Page
class CredentialPages {

    private static final int MAX_NAME = 100;

    private final ApiKeyService keys;
    private final AppPasswordService appPasswords;
    private final ClientContexts clients;
    private final FormErrors formErrors;
    private final PlatformSettings platform;

    CredentialPages(
            ApiKeyService keys,
            AppPasswordService appPasswords,
            ClientContexts clients,
            FormErrors formErrors,
            PlatformSettings platform) {
        this.platform = platform;
        this.keys = keys;
        this.appPasswords = appPasswords;
        this.clients = clients;
        this.formErrors = formErrors;
    }

    @GetMapping("/settings/api-keys")
    String apiKeys(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        return apiKeysPage(viewer, model, Map.of());
    }

    @PostMapping("/settings/api-keys")
    String createApiKey(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ApiScope> granted = EnumSet.noneOf(ApiScope.class);
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            try {
                granted.add(ApiScope.of(scope));
            } catch (IllegalArgumentException unknown) {
                errors.put("scopes", formErrors.text("settings.api-keys.scopes-needed"));
            }
        }
        if (granted.isEmpty()) {
            errors.put("scopes", formErrors.text("settings.api-keys.scopes-needed"));
        }
        checkName(name, errors);
        if (errors.isEmpty()) {
            try {
                var created = keys.create(
                        viewer, name.strip(), granted, null, clients.of(request).ipAddress());
                model.addAttribute("created", created);
                return apiKeysPage(viewer, model, errors);
            } catch (VezaException refused) {
                formErrors.add(errors, refused);
            }
        }
        response.setStatus(422);
        model.addAttribute("name", name);
        return apiKeysPage(viewer, model, errors);
    }

    @PostMapping("/settings/api-keys/{id}/revoke")
    String revokeApiKey(
            @AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id, HttpServletRequest request) {
        keys.revoke(viewer, id, clients.of(request).ipAddress());
        return "redirect:/settings/api-keys?revoked";
    }

    @GetMapping("/settings/music-apps")
    String musicApps(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        return musicAppsPage(viewer, model, Map.of());
    }

    @PostMapping("/settings/music-apps")
    String createAppPassword(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkName(name, errors);
        if (errors.isEmpty()) {
            try {
                model.addAttribute(
                        "created",
                        appPasswords.create(
                                viewer, name.strip(), clients.of(request).ipAddress()));
                return musicAppsPage(viewer, model, errors);
            } catch (VezaException refused) {
                formErrors.add(errors, refused);
            }
        }
        response.setStatus(422);
        model.addAttribute("name", name);
        return musicAppsPage(viewer, model, errors);
    }

    @PostMapping("/settings/music-apps/{id}/revoke")
    String revokeAppPassword(
            @AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id, HttpServletRequest request) {
        appPasswords.revoke(viewer, id, clients.of(request).ipAddress());
        return "redirect:/settings/music-apps?revoked";
    }

    private String apiKeysPage(CurrentUser viewer, Model model, Map<String, String> errors) {
        model.addAttribute("keys", keys.list(viewer.id()));
        model.addAttribute("scopes", ApiScope.values());
        model.addAttribute("errors", errors);
        return "identity/settings-api-keys";
    }

    private String musicAppsPage(CurrentUser viewer, Model model, Map<String, String> errors) {
        model.addAttribute("appPasswords", appPasswords.list(viewer.id()));
        // what to type into a player: the address people reach Veza at
        model.addAttribute("serverUrl", platform.publicBaseUrl().toString().replaceFirst("/$", ""));
        model.addAttribute("errors", errors);
        return "identity/settings-music-apps";
    }

    private void checkName(String name, Map<String, String> errors) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.put("name", formErrors.text("settings.credential.name-needed"));
        }
    }
}
