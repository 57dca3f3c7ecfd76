package fr.veza.marketplace.providers;

import static fr.veza.marketplace.providers.HyperswitchJson.text;
import static fr.veza.marketplace.providers.HyperswitchJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Hyperswitch's REST API: {@code POST /payments}, {@code GET /payments/{id}}, {@code POST /refunds}, {@code GET /refunds/{id}}. */
public class HyperswitchGateway implements PaymentGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;

    public HyperswitchGateway(String baseUrl, String apiKey, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .defaultHeader("api-key", apiKey)
                .defaultHeader("Accept", "application/json")
                .build();
    }

    @Override
    public ProviderPayment createPayment(NewPayment request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment_id", request.paymentId());
        body.put("amount", request.amountMinor());
        body.put("currency", request.currency());
        body.put("confirm", false);
        body.put("capture_method", "automatic");
        body.put("description", request.description());
        body.put("metadata", Map.of("order_id", request.orderId(), "idempotency_key", request.idempotencyKey()));
        ProviderPayment created = payment(call(
                "create payment",
                () -> http.post()
                        .uri("/payments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", request.idempotencyKey())
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class)));
        if (!request.paymentId().equals(created.paymentId())) {
            throw new PaymentProviderException(
                    "Hyperswitch create payment answered payment " + created.paymentId() + ", not "
                            + request.paymentId(),
                    0,
                    null);
        }
        return created;
    }

    @Override
    public ProviderPayment payment(String paymentId) {
        return payment(call(
                "read payment",
                () -> http.get().uri("/payments/{id}", paymentId).retrieve().body(JsonNode.class)));
    }

    @Override
    public ProviderPayment cancelPayment(String paymentId, String reason) {
        return payment(call(
                "cancel payment",
                () -> http.post()
                        .uri("/payments/{id}/cancel", paymentId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("cancellation_reason", reason))
                        .retrieve()
                        .body(JsonNode.class)));
    }

    @Override
    public ProviderRefund createRefund(NewRefund request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refund_id", request.refundId());
        body.put("payment_id", request.paymentId());
        body.put("amount", request.amountMinor());
        body.put("reason", request.reason());
        body.put("refund_type", "instant");
        return refund(call(
                "create refund",
                () -> http.post()
                        .uri("/refunds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", request.refundId())
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class)));
    }

    @Override
    public ProviderRefund refund(String refundId) {
        return refund(call(
                "read refund",
                () -> http.get().uri("/refunds/{id}", refundId).retrieve().body(JsonNode.class)));
    }

    @Override
    public boolean sandbox() {
        return false;
    }

    static ProviderPayment payment(JsonNode json) {
        return new ProviderPayment(
                text(json, "payment_id"),
                text(json, "status"),
                text(json, "client_secret"),
                json.path("amount").asLong(),
                text(json, "currency"),
                time(json, "updated", "modified_at", "created"));
    }

    static ProviderRefund refund(JsonNode json) {
        return new ProviderRefund(
                text(json, "refund_id"),
                text(json, "payment_id"),
                text(json, "status"),
                text(json, "error_message"),
                time(json, "updated_at", "updated", "created_at"));
    }

    private static JsonNode call(String what, java.util.function.Supplier<JsonNode> request) {
        try {
            JsonNode answer = request.get();
            if (answer == null) {
                throw new PaymentProviderException("Hyperswitch " + what + ": empty answer", 0, null);
            }
            return answer;
        } catch (HttpStatusCodeException e) {
            HttpStatusCode status = e.getStatusCode();
            throw new PaymentProviderException(
                    "Hyperswitch " + what + " answered " + status.value() + ": " + providerMessage(e),
                    status.value(),
                    null);
        } catch (ResourceAccessException e) {
            throw new PaymentProviderException("Hyperswitch " + what + ": unreachable (" + e.getMessage() + ")", 0, e);
        }
    }

    /** Hyperswitch's error body is {@code {"error": {"type", "message", "code"}}}; only its message is kept. */
    private static String providerMessage(HttpStatusCodeException e) {
        try {
            JsonNode error = JSON.readTree(e.getResponseBodyAsString()).path("error");
            String message = error.path("message").asText("");
            String code = error.path("code").asText("");
            return (code.isEmpty() ? "" : code + " ") + message;
        } catch (java.io.IOException | RuntimeException notJson) {
            return "no details";
        }
    }
}
