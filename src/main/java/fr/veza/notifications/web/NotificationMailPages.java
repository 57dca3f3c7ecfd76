package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.NotificationKind.Delivery;
import fr.veza.notifications.internal.NotificationPreferences;
import fr.veza.notifications.internal.PushSubscriptionService;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedUrls;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Notification settings as pages: the section where each kind's mail is chosen (at once, in the digest, never) and
 * whether it is pushed to the person's devices, which it lists,
 * and the unsubscribe link of every notification mail. That link is signed for one person and kind, works without
 * signing in, and takes a POST, which mail clients send for one-click unsubscribing (RFC 8058); opening it only
 * asks.
 */
@Page
class NotificationMailPages {

    static final String UNSUBSCRIBE_SCOPE = "unsubscribe";

    private final NotificationPreferences preferences;
    private final PushSubscriptionService devices;
    private final SignedUrls signer;

    NotificationMailPages(NotificationPreferences preferences, PushSubscriptionService devices, SignedUrls signer) {
        this.preferences = preferences;
        this.devices = devices;
        this.signer = signer;
    }

    @GetMapping("/settings/notifications")
    String settings(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("chosen", preferences.of(viewer.id()));
        model.addAttribute("pushed", preferences.push(viewer.id()));
        model.addAttribute("devices", devices.of(viewer.id()));
        model.addAttribute("vapidKey", devices.publicKey().orElse(null));
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("deliveries", Delivery.values());
        return "notifications/settings-notifications";
    }

    @PostMapping("/settings/notifications")
    String save(@AuthenticationPrincipal CurrentUser viewer, @RequestParam Map<String, String> form) {
        Map<NotificationKind, Delivery> changes = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.get(kind.value());
            if (value != null) {
                changes.put(
                        kind,
                        Delivery.ofValue(value)
                                .orElseThrow(
                                        () -> VezaException.invalid(kind.value(), "must be instant, digest or off")));
            }
        }
        preferences.set(viewer.id(), changes);
        Map<NotificationKind, Boolean> pushed = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            pushed.put(kind, form.containsKey("push." + kind.value()));
        }
        preferences.setPush(viewer.id(), pushed);
        return "redirect:/settings/notifications?saved";
    }

    @GetMapping("/unsubscribe/{user}/{kind}")
    String ask(
            @PathVariable UUID user,
            @PathVariable String kind,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            Model model) {
        verify(user, kind, exp, sig);
        model.addAttribute("kind", kind);
        model.addAttribute("action", "/unsubscribe/" + user + "/" + kind + "?exp=" + exp + "&sig=" + sig);
        return "notifications/unsubscribe";
    }

    @PostMapping("/unsubscribe/{user}/{kind}")
    String unsubscribe(
            @PathVariable UUID user,
            @PathVariable String kind,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            Model model) {
        verify(user, kind, exp, sig);
        Map<NotificationKind, Delivery> off = new EnumMap<>(NotificationKind.class);
        if ("all".equals(kind)) {
            Arrays.stream(NotificationKind.values()).forEach(each -> off.put(each, Delivery.OFF));
        } else {
            off.put(NotificationKind.ofValue(kind).orElseThrow(), Delivery.OFF);
        }
        preferences.set(user, off);
        model.addAttribute("kind", kind);
        model.addAttribute("done", true);
        return "notifications/unsubscribe";
    }

    private void verify(UUID user, String kind, String exp, String sig) {
        boolean known = "all".equals(kind) || NotificationKind.ofValue(kind).isPresent();
        if (!known || !signer.verify("/unsubscribe/" + user + "/" + kind, UNSUBSCRIBE_SCOPE, exp, sig)) {
            // a forged or mangled link looks like no page at all
            throw VezaException.notFound("Unsubscribe link");
        }
    }
}
