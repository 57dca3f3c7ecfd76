package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.internal.NotificationPreferences;
import fr.veza.notifications.internal.PushSubscriptionService;
import fr.veza.notifications.internal.PushSubscriptions.Subscription;
import fr.veza.platform.errors.VezaException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The devices notifications are pushed to (Web Push), and which kinds are pushed. */
@RestController
@Tag(name = "Notifications")
@SecurityRequirement(name = "BearerAuth")
class PushSubscriptionController {

    private final PushSubscriptionService subscriptions;
    private final NotificationPreferences preferences;

    PushSubscriptionController(PushSubscriptionService subscriptions, NotificationPreferences preferences) {
        this.subscriptions = subscriptions;
        this.preferences = preferences;
    }

    /** A browser's {@code PushSubscription.toJSON()} in the API's words: its endpoint, expiration_time and keys. */
    record SubscriptionRequest(String endpoint, Long expirationTime, Keys keys) {

        Subscription subscribe(PushSubscriptionService subscriptions, UUID userId, String userAgent) {
            return subscriptions.subscribe(
                    userId,
                    endpoint,
                    keys == null ? null : keys.p256dh(),
                    keys == null ? null : keys.auth(),
                    userAgent);
        }
    }

    record Keys(String p256dh, String auth) {}

    record SubscriptionView(UUID id, String endpoint, String userAgent, Instant createdAt) {
        static SubscriptionView of(Subscription subscription) {
            return new SubscriptionView(
                    subscription.id(), subscription.endpoint(), subscription.userAgent(), subscription.createdAt());
        }
    }

    record Subscriptions(String vapidPublicKey, List<SubscriptionView> items) {}

    @GetMapping("/api/v1/me/push-subscriptions")
    @Operation(summary = "Your push subscriptions, and the VAPID key to subscribe with (null when Web Push is off)")
    Subscriptions list(@AuthenticationPrincipal CurrentUser me) {
        return new Subscriptions(
                subscriptions.publicKey().orElse(null),
                subscriptions.of(me.id()).stream().map(SubscriptionView::of).toList());
    }

    @PostMapping("/api/v1/me/push-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Push notifications to this browser",
            description =
                    "The body is the browser's PushSubscription.toJSON(), expirationTime spelt expiration_time. The"
                            + " endpoint must be https on a"
                            + " public address; subscribing the same endpoint again replaces it.")
    SubscriptionView subscribe(
            @AuthenticationPrincipal CurrentUser me,
            @RequestBody SubscriptionRequest body,
            @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        return SubscriptionView.of(body.subscribe(subscriptions, me.id(), userAgent));
    }

    @DeleteMapping("/api/v1/me/push-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop pushing to one device")
    void remove(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
        subscriptions.remove(me.id(), id);
    }

    @DeleteMapping("/api/v1/me/push-subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop pushing to the device with this endpoint (what a browser unsubscribing knows)")
    void removeEndpoint(@AuthenticationPrincipal CurrentUser me, @RequestParam String endpoint) {
        subscriptions.removeEndpoint(me.id(), endpoint);
    }

    @GetMapping("/api/v1/me/push-preferences")
    @Operation(summary = "Which kinds of notification are pushed to your devices")
    Map<String, Boolean> pushPreferences(@AuthenticationPrincipal CurrentUser me) {
        return view(preferences.push(me.id()));
    }

    @PutMapping("/api/v1/me/push-preferences")
    @Operation(
            summary = "Choose which kinds are pushed; kinds left out keep their choice",
            description = "Kinds: follower, like, comment, repost, chat, sale, purchase, dmca, warranty.")
    Map<String, Boolean> setPushPreferences(
            @AuthenticationPrincipal CurrentUser me, @RequestBody Map<String, Boolean> body) {
        Map<NotificationKind, Boolean> changes = new EnumMap<>(NotificationKind.class);
        body.forEach((key, value) -> {
            NotificationKind kind = NotificationKind.ofValue(key)
                    .orElseThrow(() -> VezaException.invalid(key, "is not a kind of notification"));
            if (value == null) {
                throw VezaException.invalid(key, "must be true or false");
            }
            changes.put(kind, value);
        });
        return view(preferences.setPush(me.id(), changes));
    }

    private static Map<String, Boolean> view(Map<NotificationKind, Boolean> chosen) {
        Map<String, Boolean> view = new LinkedHashMap<>();
        chosen.forEach((kind, pushed) -> view.put(kind.value(), pushed));
        return view;
    }
}
