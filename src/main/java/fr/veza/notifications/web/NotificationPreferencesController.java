package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.NotificationKind.Delivery;
import fr.veza.notifications.internal.NotificationPreferences;
import fr.veza.platform.errors.VezaException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How each kind of notification reaches me by mail: instant, digest or off. */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@Tag(name = "Notifications")
@SecurityRequirement(name = "BearerAuth")
class NotificationPreferencesController {

    private final NotificationPreferences preferences;

    NotificationPreferencesController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "Mail for each kind of notification: instant, digest or off")
    Map<String, String> get(@AuthenticationPrincipal CurrentUser me) {
        return view(preferences.of(me.id()));
    }

    @PutMapping
    @Operation(
            summary = "Choose mail for some kinds; kinds left out keep their choice",
            description =
                    "Kinds: follower, like, comment, repost, chat, sale, purchase, dmca, warranty. Values: instant,"
                            + " digest, off.")
    Map<String, String> put(@AuthenticationPrincipal CurrentUser me, @RequestBody Map<String, String> body) {
        Map<NotificationKind, Delivery> changes = new EnumMap<>(NotificationKind.class);
        body.forEach((key, value) -> {
            NotificationKind kind = NotificationKind.ofValue(key)
                    .orElseThrow(() -> VezaException.invalid(key, "is not a kind of notification"));
            changes.put(
                    kind,
                    Delivery.ofValue(value == null ? "" : value)
                            .orElseThrow(() -> VezaException.invalid(key, "must be instant, digest or off")));
        });
        return view(preferences.set(me.id(), changes));
    }

    private static Map<String, String> view(Map<NotificationKind, Delivery> chosen) {
        Map<String, String> view = new LinkedHashMap<>();
        chosen.forEach((kind, delivery) -> view.put(kind.value(), delivery.value()));
        return view;
    }
}
