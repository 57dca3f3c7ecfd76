package fr.veza.marketplace.internal;

import java.time.Instant;

/** One delivery to the Hyperswitch webhook endpoint, whatever became of it. */
public record WebhookLogEntry(
        Long id,
        String payload,
        boolean signatureValid,
        String processingResult,
        String sourceIp,
        String userAgent,
        String requestId,
        String eventType,
        Instant receivedAt) {}
