package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.notifications.internal.PushSubscriptionService;
import fr.veza.platform.web.Page;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "Notify me on this device" on the notifications settings page: the page's script subscribes the browser with the
 * push service and hands the subscription here (with the page's CSRF token); the devices listed can be removed.
 */
@Page
class PushPages {

    private final PushSubscriptionService subscriptions;

    PushPages(PushSubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(path = "/settings/notifications/devices", consumes = "application/json")
    ResponseEntity<Map<String, Object>> subscribe(
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestBody PushSubscriptionController.SubscriptionRequest body,
            @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        var saved = body.subscribe(subscriptions, viewer.id(), userAgent);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", saved.id()));
    }

    /** The browser stopped its subscription ("Stop on this device"): it knows the endpoint only. */
    @PostMapping(path = "/settings/notifications/devices/forget", consumes = "application/json")
    ResponseEntity<Void> forget(@AuthenticationPrincipal CurrentUser viewer, @RequestBody Map<String, String> body) {
        subscriptions.removeEndpoint(viewer.id(), body.get("endpoint"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/settings/notifications/devices/{id}/remove")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        subscriptions.remove(viewer.id(), id);
        return "redirect:/settings/notifications?removed";
    }
}
