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

    public List<WebhookDelivery> deliveries(UUID userId, UUID id) {
        webhooks.endpoint(userId, id).orElseThrow(() -> VezaException.notFound("Webhook " + id));
        return webhooks.deliveries(id, 100);
    }

    /** Queues the event for the user's subscribed endpoints. The event id makes a repeated event harmless. */
    int enqueue(UUID userId, UUID eventId, WebhookEvent event, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", event.value());
        body.put("created_at", clock.instant().toString());
        body.put("data", data);
        try {
            return webhooks.enqueue(userId, eventId, event, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook data must be plain values", e);
        }
    }

    /** A new endpoint and its secret. */
    public record Registered(WebhookEndpoint endpoint, String secret) {}
}
