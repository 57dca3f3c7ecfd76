package fr.veza.notifications.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.identity.Accounts;
import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.internal.PushSubscriptions.Subscription;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.outbound.OutboundClient;
import fr.veza.platform.outbound.OutboundTargets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes new notifications to the devices people subscribed (Web Push: RFC 8030 delivery, RFC 8291 encryption,
 * RFC 8292 VAPID), for the kinds they leave pushed, from two threads of its own so a slow push service never holds
 * an event. A subscription the push service no longer knows (404, 410) is deleted, one that keeps failing too. A
 * push is best effort: the notification is in the app and, by the person's choice, in their mail either way.
 */
@Component
class NotificationPush {

    /** A subscription refused or unreachable this many times in a row is dropped. */
    static final int DROP_AFTER_FAILURES = 10;

    private static final Logger log = LoggerFactory.getLogger(NotificationPush.class);
    private static final Set<String> URGENT = Set.of("chat_message", "new_sale", "track_taken_down");

    private final PushSubscriptions subscriptions;
    private final NotificationPreferences preferences;
    private final Vapid vapid;
    private final Accounts accounts;
    private final NotificationSentences sentences;
    private final PlatformSettings platform;
    private final PushSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OutboundTargets targets;
    private final OutboundClient http;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(
            2,
            2,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(1_000),
            runnable -> {
                Thread thread = new Thread(runnable, "web-push");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardOldestPolicy());

    NotificationPush(
            PushSubscriptions subscriptions,
            NotificationPreferences preferences,
            Vapid vapid,
            Accounts accounts,
            NotificationSentences sentences,
            PlatformSettings platform,
            PushSettings settings,
            ObjectMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.vapid = vapid;
        this.accounts = accounts;
        this.sentences = sentences;
        this.platform = platform;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.targets = new OutboundTargets(!settings.allowPrivateEndpoints(), "PUSH_ALLOW_PRIVATE_ENDPOINTS");
        this.http = new OutboundClient(targets, Duration.ofSeconds(10), "Veza-Push/1");
    }

    /** Checks an endpoint a browser gave, before it is stored. */
    URI requireAllowed(String endpoint) {
        return targets.requireAllowed(endpoint, "endpoint");
    }

    /** Queues the notification for its person's devices; returns at once. */
    void push(Notification notification) {
        if (vapid.publicKey().isPresent()) {
            senders.execute(() -> {
                try {
                    send(notification);
                } catch (RuntimeException e) {
                    log.warn("push of notification {} failed: {}", notification.id(), e.toString());
                }
            });
        }
    }

    private void send(Notification notification) {
        boolean wanted = NotificationKind.ofType(notification.type())
                .map(kind -> preferences.push(notification.userId()).get(kind))
                .orElse(false);
        if (!wanted) {
            return;
        }
        List<Subscription> devices = subscriptions.of(notification.userId());
        if (devices.isEmpty()) {
            return;
        }
        var locale = accounts.activeLocale(notification.userId());
        if (locale.isEmpty()) {
            return; // closed or suspended since
        }
        byte[] message = message(notification, Locale.forLanguageTag(locale.get()));
        for (Subscription device : devices) {
            deliver(device, message, URGENT.contains(notification.type()) ? "high" : "normal");
        }
    }

    private byte[] message(Notification notification, Locale locale) {
        String base = platform.publicBaseUrl().toString().replaceFirst("/$", "");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("title", sentences.text("brand", locale));
        message.put("body", sentences.of(List.of(notification), locale).get(0));
        message.put("url", base + "/notifications");
        message.put("tag", notification.type());
        message.put("notification_id", notification.id());
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a push message could not be written", e);
        }
    }

    private void deliver(Subscription device, byte[] message, String urgency) {
        String outcome;
        try {
            URI endpoint = targets.requireAllowed(device.endpoint(), "endpoint");
            byte[] body = PushEncryption.encrypt(
                    message,
                    Base64.getUrlDecoder().decode(device.p256dh()),
                    Base64.getUrlDecoder().decode(device.auth()));
            int status = http.post(
                    endpoint,
                    Map.of(
                            "Authorization",
                            vapid.authorization(endpoint, clock.instant()),
                            "Content-Encoding",
                            "aes128gcm",
                            "TTL",
                            Long.toString(settings.ttl().toSeconds()),
                            "Urgency",
                            urgency),
                    body,
                    "application/octet-stream");
            if (status >= 200 && status < 300) {
                subscriptions.pushed(device.id(), clock.instant());
                outcome = "sent";
            } else if (status == 404 || status == 410) {
                subscriptions.gone(device.id());
                outcome = "gone";
            } else {
                subscriptions.failed(device.id(), DROP_AFTER_FAILURES);
                outcome = "refused";
                log.info("push service answered {} for subscription {}", status, device.id());
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | VezaException e) {
            subscriptions.failed(device.id(), DROP_AFTER_FAILURES);
            outcome = "failed";
            log.info(
                    "push to subscription {} failed: {}",
                    device.id(),
                    e.getClass().getSimpleName());
        }
        meters.counter("veza.push.deliveries", "outcome", outcome).increment();
    }

    @PreDestroy
    void stop() throws IOException {
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
