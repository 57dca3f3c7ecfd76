package fr.veza.developer.internal;

import java.time.Instant;
import java.util.UUID;

/** One event sent (or being sent) to one endpoint, as its owner reads it in the delivery log. */
public record WebhookDelivery(
        UUID id,
        UUID eventId,
        String eventType,
        String status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt) {}
