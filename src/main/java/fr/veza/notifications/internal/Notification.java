package fr.veza.notifications.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** @param mailAttempts how many times its instant mail was tried */
public record Notification(
        UUID id,
        UUID userId,
        UUID actorId,
        String type,
        JsonNode payload,
        boolean read,
        Instant createdAt,
        int mailAttempts) {}
