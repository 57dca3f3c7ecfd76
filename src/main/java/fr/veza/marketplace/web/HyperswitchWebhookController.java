package fr.veza.marketplace.web;

import fr.veza.marketplace.internal.HyperswitchWebhookIngestion;
import fr.veza.marketplace.providers.HyperswitchSignature;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.ClientIpResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hyperswitch's deliveries. Any 2xx acknowledges; anything else makes the provider retry for about a day. */
@RestController
@Tag(name = "Webhooks")
class HyperswitchWebhookController {

    private final HyperswitchWebhookIngestion ingestion;
    private final ClientIpResolver clientIps;

    HyperswitchWebhookController(HyperswitchWebhookIngestion ingestion, ClientIpResolver clientIps) {
        this.ingestion = ingestion;
        this.clientIps = clientIps;
    }

    @PostMapping("/api/v1/webhooks/hyperswitch")
    @Operation(
            summary = "Payment and refund events from Hyperswitch, signed with X-Webhook-Signature-512",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The event as Hyperswitch sends it; the signature covers these exact bytes",
                            required = true,
                            content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        byte[] body = readCapped(request);
        HyperswitchWebhookIngestion.Receipt receipt = ingestion.receive(
                body,
                request.getHeader(HyperswitchSignature.HEADER),
                request.getHeader("X-Request-Id"),
                clientIps.resolve(request),
                request.getHeader("User-Agent"));
        if (receipt.httpStatus() == 401) {
            throw new VezaException(ErrorCode.INVALID_SIGNATURE, "X-Webhook-Signature-512 does not match the body.");
        }
        if (receipt.httpStatus() == 400) {
            throw new VezaException(ErrorCode.BAD_REQUEST, receipt.processingResult());
        }
        if (receipt.httpStatus() >= 500) {
            throw new VezaException(ErrorCode.INTERNAL_ERROR, "The event was not processed; deliver it again.");
        }
        return ResponseEntity.ok(Map.of("result", receipt.processingResult()));
    }

    /** Refuses a body over 64 KB before anything is written, whether or not it declared its length. */
    private static byte[] readCapped(HttpServletRequest request) throws IOException {
        int cap = HyperswitchWebhookIngestion.MAX_BODY_BYTES;
        if (request.getContentLengthLong() > cap) {
            throw tooLarge(cap);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(cap + 1);
            if (body.length > cap) {
                throw tooLarge(cap);
            }
            return body;
        }
    }

    private static VezaException tooLarge(int cap) {
        return new VezaException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body is at most " + cap + " bytes.");
    }
}
