package fr.veza.notifications.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

public record Notification(
        UUID id, UUID userId, UUID actorId, String type, JsonNode payload, boolean read, Instant createdAt) {}
