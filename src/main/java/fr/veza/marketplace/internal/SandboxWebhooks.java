package fr.veza.marketplace.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.marketplace.providers.HyperswitchSignature;
import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.marketplace.providers.SandboxPaymentGateway;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The sandbox provider's side of settlement: it settles a payment or refund and delivers the webhook Hyperswitch
 * would, signed with the response hash key, to the same ingestion as a real delivery.
 */
@Component
public class SandboxWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PaymentGateway payments;
    private final HyperswitchWebhookIngestion ingestion;
    private final byte[] key;

    SandboxWebhooks(
            PaymentGateway payments, HyperswitchWebhookIngestion ingestion, PaymentProviders.ResponseHashKey key) {
        this.payments = payments;
        this.ingestion = ingestion;
        this.key = key.secret().bytes();
    }

    public HyperswitchWebhookIngestion.Receipt settlePayment(String paymentId, boolean succeed) {
        var payment = sandbox()
                .settlePayment(paymentId, succeed)
                .orElseThrow(() -> VezaException.notFound("Sandbox payment " + paymentId));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("payment_id", payment.paymentId());
        object.put("status", payment.status());
        object.put("amount", payment.amountMinor());
        object.put("currency", payment.currency());
        object.put("updated", payment.updated().toString());
        return deliver(succeed ? "payment_succeeded" : "payment_failed", "payment_details", object);
    }

    public HyperswitchWebhookIngestion.Receipt settleRefund(String refundId, boolean succeed) {
        var refund = sandbox()
                .settleRefund(refundId, succeed)
                .orElseThrow(() -> VezaException.notFound("Sandbox refund " + refundId));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("refund_id", refund.refundId());
        object.put("payment_id", refund.paymentId());
        object.put("status", refund.status());
        object.put("error_message", refund.errorMessage());
        object.put("updated_at", refund.updated().toString());
        return deliver(succeed ? "refund_succeeded" : "refund_failed", "refund_details", object);
    }

    private HyperswitchWebhookIngestion.Receipt deliver(String type, String contentType, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", "evt_sandbox_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("event_type", type);
        event.put("content", Map.of("type", contentType, "object", object));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ingestion.receive(body, HyperswitchSignature.sign(key, body), null, "sandbox", "Veza-Sandbox/1");
    }

    private SandboxPaymentGateway sandbox() {
        if (payments instanceof SandboxPaymentGateway sandbox) {
            return sandbox;
        }
        throw new VezaException(ErrorCode.NOT_FOUND, "The sandbox is off: a real payment provider is configured.");
    }
}
