package fr.veza.developer.internal;

import fr.veza.catalog.TrackReady;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into webhook deliveries, after the transaction that produced them committed; the event
 * publication registry retries a listener that failed, and the derived event id keeps a retry from queueing twice.
 */
@Component
class WebhookEventListener {

    private final WebhookService webhooks;

    WebhookEventListener(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @ApplicationModuleListener
    void on(TrackReady event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("track_id", event.trackId());
        data.put("title", event.title());
        data.put("duration_ms", event.durationMs());
        data.put("ready_at", event.readyAt().toString());
        UUID eventId = UUID.nameUUIDFromBytes(
                ("track.ready:" + event.trackId() + ":" + event.readyAt()).getBytes(StandardCharsets.UTF_8));
        webhooks.enqueue(event.ownerId(), eventId, WebhookEvent.TRACK_READY, data);
    }
}
