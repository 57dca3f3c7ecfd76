package fr.veza.developer.web;

import fr.veza.developer.internal.WebhookEndpoint;
import fr.veza.developer.internal.WebhookEvent;
import fr.veza.developer.internal.WebhookService;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's webhook endpoints as settings pages: add one (its signing secret shown once), send it a test event,
 * read its delivery log, disable and enable it, delete it. The same service and rules as the developer API.
 */
@Page
class WebhookPages {

    private static final String LABELS = "webhooks.field.";

    private final WebhookService webhooks;
    private final FormErrors formErrors;

    WebhookPages(WebhookService webhooks, FormErrors formErrors) {
        this.webhooks = webhooks;
        this.formErrors = formErrors;
    }

    @GetMapping("/settings/webhooks")
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        return listPage(viewer, model, Map.of());
    }

    @PostMapping("/settings/webhooks")
    String add(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) List<String> events,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<WebhookEvent> chosen = new ArrayList<>();
        for (String event : events == null ? List.<String>of() : events) {
            try {
                chosen.add(WebhookEvent.of(event));
            } catch (IllegalArgumentException unknown) {
                errors.put("events", formErrors.text("webhooks.events-needed"));
            }
        }
        if (chosen.isEmpty()) {
            errors.put("events", formErrors.text("webhooks.events-needed"));
        }
        if (url.isBlank() || url.length() > 2048) {
            errors.put("url", formErrors.text("webhooks.url-needed"));
        }
        if (errors.isEmpty()) {
            try {
                model.addAttribute("created", webhooks.register(viewer, url, chosen));
                return listPage(viewer, model, errors);
            } catch (VezaException refused) {
                formErrors.add(errors, refused, LABELS);
            }
        }
        response.setStatus(422);
        model.addAttribute("url", url);
        model.addAttribute("chosen", events == null ? List.of() : events);
        return listPage(viewer, model, errors);
    }

    @GetMapping("/settings/webhooks/{id}")
    String endpoint(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id, Model model) {
        WebhookEndpoint endpoint = webhooks.endpoints(viewer.id()).stream()
                .filter(candidate -> candidate.id().equals(id))
                .findFirst()
                .orElseThrow(() -> VezaException.notFound("Webhook " + id));
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", webhooks.deliveries(viewer.id(), id));
        return "developer/webhook";
    }

    @PostMapping("/settings/webhooks/{id}/test")
    String test(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        webhooks.sendTest(viewer.id(), id);
        return "redirect:/settings/webhooks/" + id + "?tested";
    }

    @PostMapping("/settings/webhooks/{id}/disable")
    String disable(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        webhooks.disable(viewer.id(), id);
        return "redirect:/settings/webhooks/" + id + "?disabled";
    }

    @PostMapping("/settings/webhooks/{id}/enable")
    String enable(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        webhooks.enable(viewer.id(), id);
        return "redirect:/settings/webhooks/" + id + "?enabled";
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        webhooks.delete(viewer.id(), id);
        return "redirect:/settings/webhooks?deleted";
    }

    private String listPage(CurrentUser viewer, Model model, Map<String, String> errors) {
        model.addAttribute("endpoints", webhooks.endpoints(viewer.id()));
        model.addAttribute("events", WebhookEvent.values());
        model.addAttribute("errors", errors);
        return "developer/webhooks";
    }
}
