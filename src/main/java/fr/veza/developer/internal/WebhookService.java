package fr.veza.developer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook endpoints of one person, and the deliveries events cause. */
@Service
public class WebhookService {

    private final WebhookRepository webhooks;
    private final WebhookTargets targets;
    private final WebhookSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    /** The type of the event an endpoint's owner sends themselves; nobody subscribes to it. */
    public static final String TEST_EVENT = "webhook.test";

    private final SecureRandom random = new SecureRandom();

    WebhookService(
            WebhookRepository webhooks,
            WebhookTargets targets,
            WebhookSettings settings,
            ObjectMapper json,
            Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Registers an endpoint; the answer holds its signing secret, shown this once. */
    @Transactional
    public Registered register(CurrentUser owner, String url, List<WebhookEvent> events) {
        targets.requireAllowed(url);
        if (webhooks.countEndpoints(owner.id()) >= settings.maxEndpointsPerUser()) {
            throw new VezaException(
                    ErrorCode.CONFLICT,
                    "You already have " + settings.maxEndpointsPerUser() + " endpoints; delete one first.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        webhooks.insertEndpoint(id, owner.id(), url.trim(), secret, List.copyOf(new java.util.LinkedHashSet<>(events)));
        return new Registered(webhooks.endpoint(owner.id(), id).orElseThrow(), secret);
    }

    public List<WebhookEndpoint> endpoints(UUID userId) {
        return webhooks.endpoints(userId);
    }

    public void delete(UUID userId, UUID id) {
        if (!webhooks.delete(userId, id)) {
            throw VezaException.notFound("Webhook " + id);
        }
    }

    public WebhookEndpoint enable(UUID userId, UUID id) {
        if (!webhooks.enable(userId, id)) {
            throw VezaException.notFound("Webhook " + id);
        }
        return webhooks.endpoint(userId, id).orElseThrow();
    }

    /** Stops deliveries until its owner enables it again; nothing queued meanwhile is sent. */
    public WebhookEndpoint disable(UUID userId, UUID id) {
        if (!webhooks.disable(userId, id, "disabled by its owner")) {
            throw VezaException.notFound("Webhook " + id);
        }
        return webhooks.endpoint(userId, id).orElseThrow();
    }

    /**
     * Queues a {@code webhook.test} event to this endpoint alone, signed and retried like any other, so its owner can
     * check their receiver before a real event comes.
     */
    @Transactional
    public UUID sendTest(UUID userId, UUID id) {
        WebhookEndpoint endpoint =
                webhooks.endpoint(userId, id).orElseThrow(() -> VezaException.notFound("Webhook " + id));
        if (!"active".equals(endpoint.status())) {
            throw new VezaException(ErrorCode.CONFLICT, "This endpoint is disabled; enable it to send a test.");
        }
        UUID eventId = UUID.randomUUID();
        webhooks.enqueueTo(id, eventId, TEST_EVENT, body(eventId, TEST_EVENT, Map.of("endpoint_id", id)));
        return eventId;
    }

    public List<WebhookDelivery> deliveries(UUID userId, UUID id) {
        webhooks.endpoint(userId, id).orElseThrow(() -> VezaException.notFound("Webhook " + id));
        return webhooks.deliveries(id, 100);
    }

    /** Queues the event for the user's subscribed endpoints. The event id makes a repeated event harmless. */
    int enqueue(UUID userId, UUID eventId, WebhookEvent event, Map<String, Object> data) {
        return webhooks.enqueue(userId, eventId, event, body(eventId, event.value(), data));
    }

    private String body(UUID eventId, String type, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type);
        body.put("created_at", clock.instant().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook data must be plain values", e);
        }
    }

    /** A new endpoint and its secret. */
    public record Registered(WebhookEndpoint endpoint, String secret) {}
}
