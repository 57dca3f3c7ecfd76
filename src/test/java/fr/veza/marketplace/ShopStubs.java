package fr.veza.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.marketplace.providers.HyperswitchSignature;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.TestProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The providers' side of a purchase, as tests play it: stubs of their APIs and signed webhooks. */
public final class ShopStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopStubs() {}

    /** Hyperswitch and Stripe answering as their documentation says, for any id the request names. */
    public static void answer() {
        var wiremock = TestProviders.client();
        wiremock.register(post(urlPathEqualTo("/payments"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"payment_id": "{{jsonPath request.body '$.payment_id'}}",
                                 "status": "requires_payment_method",
                                 "client_secret": "{{jsonPath request.body '$.payment_id'}}_secret_test",
                                 "amount": 1000,
                                 "currency": "{{jsonPath request.body '$.currency'}}",
                                 "created": "2026-11-23T10:00:00.000Z"}
                                """)));
        wiremock.register(post(urlPathEqualTo("/refunds"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"refund_id": "{{jsonPath request.body '$.refund_id'}}",
                                 "payment_id": "{{jsonPath request.body '$.payment_id'}}",
                                 "amount": 1000, "currency": "EUR",
                                 "status": "pending", "created_at": "2026-11-23T10:00:00.000Z"}
                                """)));
        wiremock.register(post(urlPathEqualTo("/v1/transfers"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"id": "tr_{{randomValue length=20 type='ALPHANUMERIC'}}", "object": "transfer",
                                 "amount": 900,
                                 "currency": "eur", "reversed": false, "amount_reversed": 0}
                                """)));
        wiremock.register(post(urlPathMatching("/v1/transfers/[^/]+/reversals"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"id": "trr_{{randomValue length=20 type='ALPHANUMERIC'}}",
                                 "object": "transfer_reversal", "transfer": "{{request.pathSegments.[2]}}"}
                                """)));
        wiremock.register(post(urlPathEqualTo("/v1/accounts"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"id": "acct_{{randomValue length=16 type='ALPHANUMERIC'}}", "object": "account",
                                 "type": "express", "details_submitted": false, "charges_enabled": false,
                                 "payouts_enabled": false}
                                """)));
        wiremock.register(get(urlPathMatching("/v1/accounts/[^/]+"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"id": "{{request.pathSegments.[2]}}", "object": "account", "type": "express",
                                 "details_submitted": true, "charges_enabled": true, "payouts_enabled": true}
                                """)));
        wiremock.register(post(urlPathEqualTo("/v1/account_links"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"object": "account_link", "url": "https://connect.stripe.com/setup/e/onboarding",
                                 "created": 1763892000, "expires_at": 1763892300}
                                """)));
    }

    static String paymentEvent(String eventId, String type, String paymentId, String status, Instant updated) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("payment_id", paymentId);
        object.put("status", status);
        object.put("amount", 1000);
        object.put("currency", "EUR");
        object.put("updated", updated.toString());
        return event(eventId, type, "payment_details", object);
    }

    static String refundEvent(String eventId, String type, String refundId, String status, Instant updated) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("refund_id", refundId);
        object.put("status", status);
        object.put("error_message", "failed".equals(status) ? "card issuer declined the refund" : null);
        object.put("updated_at", updated.toString());
        return event(eventId, type, "refund_details", object);
    }

    static String event(String eventId, String type, String contentType, Map<String, Object> object) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "merchant_id",
                    "merchant_veza",
                    "event_id",
                    eventId,
                    "event_type",
                    type,
                    "content",
                    Map.of("type", contentType, "object", object)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers a body signed as Hyperswitch signs it. */
    static ApiResponse deliver(Api api, String body) {
        return deliver(api, body.getBytes(StandardCharsets.UTF_8), sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    static ApiResponse deliver(Api api, byte[] body, String signature) {
        return api.with(HyperswitchSignature.HEADER, signature)
                .with("X-Request-Id", "req_" + UUID.randomUUID())
                .with("User-Agent", "Hyperswitch-Webhooks/1")
                .postBytes("/api/v1/webhooks/hyperswitch", "application/json", body);
    }

    static String sign(byte[] body) {
        return HyperswitchSignature.sign(TestProviders.RESPONSE_HASH_KEY.getBytes(StandardCharsets.UTF_8), body);
    }

    static Map<String, Object> price(long amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }
}
