package fr.veza.marketplace.internal;

import static fr.veza.marketplace.providers.HyperswitchJson.text;
import static fr.veza.marketplace.providers.HyperswitchJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.marketplace.providers.HyperswitchSignature;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.ratelimit.RateLimiters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Every delivery to {@code POST /api/v1/webhooks/hyperswitch}: verified, processed when it is a payment or refund
 * event, and logged as one row with its final state. A failure to write the log is logged and never turned into an
 * error for the provider, whose contract is only the status code.
 */
@Component
public class HyperswitchWebhookIngestion {

    /** Larger deliveries are refused before anything is written. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HyperswitchWebhookIngestion.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Badly signed deliveries logged per source address per minute; past it they are only counted, so a flood of
     * forgeries cannot fill the log. A genuine provider signs every delivery and is never limited.
     */
    static final Limit UNSIGNED_LOGGED_PER_ADDRESS = Limit.perMinute(20);

    /** How much of a badly signed body is kept for diagnosis: enough to recognise it, not 64 KB of it. */
    static final int UNSIGNED_BODY_KEPT = 2048;

    private final ProviderEventHandler handler;
    private final WebhookLogRepository logs;
    private final byte[] key;
    private final RateLimiter limiter;
    private final Counter droppedUnsigned;

    HyperswitchWebhookIngestion(
            ProviderEventHandler handler,
            WebhookLogRepository logs,
            PaymentProviders.ResponseHashKey key,
            @Qualifier(RateLimiters.ACCOUNT_PROTECTION) RateLimiter limiter,
            MeterRegistry meters) {
        this.handler = handler;
        this.logs = logs;
        this.key = key.secret().bytes();
        this.limiter = limiter;
        this.droppedUnsigned = Counter.builder("veza.hyperswitch.webhooks.unsigned.dropped")
                .description("Badly signed deliveries counted but not logged, over the per-address limit")
                .register(meters);
    }

    public Receipt receive(byte[] body, String signature, String providerRequestId, String sourceIp, String userAgent) {
        String requestId = providerRequestId == null || providerRequestId.isBlank()
                ? UUID.randomUUID().toString()
                : truncate(providerRequestId, 200);
        JsonNode json = parse(body);
        String eventType = json == null ? null : text(json, "event_type");
        Receipt receipt = process(body, signature, json, eventType);
        if (!receipt.signatureValid()
                && !limiter.tryConsume("hyperswitch:unsigned:" + sourceIp, UNSIGNED_LOGGED_PER_ADDRESS)
                        .allowed()) {
            droppedUnsigned.increment();
            return receipt;
        }
        String kept = receipt.signatureValid() ? readable(body) : truncate(readable(body), UNSIGNED_BODY_KEPT);
        record(new WebhookLogEntry(
                null,
                kept,
                receipt.signatureValid(),
                receipt.processingResult(),
                sourceIp,
                truncate(userAgent, 500),
                requestId,
                eventType == null ? null : truncate(eventType, 100),
                null));
        log.info("hyperswitch webhook {} {}: {}", requestId, eventType, receipt.processingResult());
        return receipt;
    }

    private Receipt process(byte[] body, String signature, JsonNode json, String eventType) {
        if (!HyperswitchSignature.verify(key, body, signature)) {
            return new Receipt(401, false, "signature_invalid");
        }
        if (json == null) {
            return new Receipt(400, true, "error: malformed JSON");
        }
        String eventId = text(json, "event_id");
        JsonNode object = json.path("content").path("object");
        if (eventId == null || eventType == null || !object.isObject()) {
            return new Receipt(400, true, "error: event_id, event_type and content.object are required");
        }
        boolean payment = eventType.startsWith("payment_");
        boolean refund = eventType.startsWith("refund_");
        if (!payment && !refund) {
            return new Receipt(200, true, "skipped"); // disputes and the rest: logged for now, not acted on
        }
        String objectId = text(object, payment ? "payment_id" : "refund_id");
        if (objectId == null) {
            return new Receipt(
                    400, true, "error: content.object." + (payment ? "payment_id" : "refund_id") + " is missing");
        }
        ProviderEvent event = new ProviderEvent(
                eventId,
                eventType,
                objectId,
                text(object, "status"),
                time(object, "updated", "updated_at", "modified_at"),
                errorMessage(object));
        try {
            return new Receipt(200, true, handler.handle(event).result());
        } catch (RuntimeException e) {
            log.error("hyperswitch webhook {}: processing failed; the provider will retry", eventId, e);
            return new Receipt(500, true, "error: " + truncate(String.valueOf(e.getMessage()), 300));
        }
    }

    private void record(WebhookLogEntry entry) {
        try {
            logs.insert(entry);
        } catch (RuntimeException e) {
            log.error(
                    "hyperswitch webhook {}: not logged ({}): {}",
                    entry.requestId(),
                    entry.processingResult(),
                    e.getMessage());
        }
    }

    private static String errorMessage(JsonNode object) {
        String message = text(object, "error_message");
        return message == null ? text(object, "unified_message") : message;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException malformed) {
            return null;
        }
    }

    /** The body as text when it is valid UTF-8; otherwise empty (headers, address and timing tell the story). */
    static String readable(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString()
                    .replace("\u0000", "");
        } catch (CharacterCodingException notUtf8) {
            return "";
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** What the endpoint answers, and what the log row says happened. */
    public record Receipt(int httpStatus, boolean signatureValid, String processingResult) {}
}
