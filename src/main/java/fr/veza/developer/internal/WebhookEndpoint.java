package fr.veza.developer.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint; its secret is shown to its owner once, at registration, and never again. */
public record WebhookEndpoint(
        UUID id,
        UUID userId,
        String url,
        String secret,
        List<WebhookEvent> events,
        String status,
        int consecutiveFailures,
        String disabledReason,
        Instant createdAt) {}
