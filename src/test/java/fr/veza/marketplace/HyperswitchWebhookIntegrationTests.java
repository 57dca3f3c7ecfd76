package fr.veza.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every delivery is logged as one row with its final state; only signed payment and refund events are processed,
 * and only once, in order.
 */
class HyperswitchWebhookIntegrationTests extends MarketplaceTest {

    private UUID orderId;
    private String paymentId;

    @BeforeEach
    void pendingOrder() {
        ShopStubs.answer();
        TestUser seller = register("artist");
        UUID track = readyTrack(seller, "Dawn", "public");
        ApiResponse product = as(seller)
                .post(
                        "/api/v1/marketplace/products",
                        Map.of("track_id", track, "kind", "download", "price", ShopStubs.price(500, "EUR")));
        ApiResponse order = as(register())
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product.field("id"))));
        orderId = UUID.fromString(order.field("id"));
        paymentId = order.json().get("payment").get("payment_id").asText();
    }

    @Test
    void aBadSignatureIsLoggedAndNotProcessed() {
        String body = ShopStubs.paymentEvent(eventId(), "payment_succeeded", paymentId, "succeeded", Instant.now());
        ApiResponse forged = ShopStubs.deliver(api(), body.getBytes(StandardCharsets.UTF_8), "00" + "ab".repeat(63));
        ApiResponse unsigned = ShopStubs.deliver(api(), body.getBytes(StandardCharsets.UTF_8), "");

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.field("code")).isEqualTo("invalid_signature");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(orderStatus()).isEqualTo("pending");
        Map<String, Object> row = lastLogRow(forged);
        assertThat(row)
                .containsEntry("signature_valid", false)
                .containsEntry("processing_result", "signature_invalid")
                .containsEntry("event_type", "payment_succeeded")
                .containsEntry("payload", body)
                .containsEntry("user_agent", "Hyperswitch-Webhooks/1");
        ApiResponse invalid = as(admin()).get("/api/v1/admin/webhooks/hyperswitch?signature_valid=false&limit=200");
        assertThat(invalid.json().get("items").toString())
                .contains(row.get("request_id").toString());
        assertThat(invalid.json().get("items").findValues("signature_valid")).allMatch(v -> !v.asBoolean());
        ApiResponse newest = as(admin()).get("/api/v1/admin/webhooks/hyperswitch?signature_valid=false&limit=1");
        ApiResponse older = as(admin())
                .get("/api/v1/admin/webhooks/hyperswitch?signature_valid=false&limit=1&cursor="
                        + newest.field("next_cursor"));
        assertThat(older.json().get("items").get(0).get("id").asLong())
                .isLessThan(newest.json().get("items").get(0).get("id").asLong());
    }

    @Test
    void anOversizeBodyIsRefusedBeforeAnythingIsWritten() {
        long before = logRows();
        byte[] body = ("{\"event_id\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        ApiResponse refused = ShopStubs.deliver(api(), body, ShopStubs.sign(body));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(logRows()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndInvalidUtf8AreLoggedWithoutProcessing() {
        byte[] malformed = "{\"event_id\": ".getBytes(StandardCharsets.UTF_8);
        ApiResponse first = ShopStubs.deliver(api(), malformed, ShopStubs.sign(malformed));
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
        ApiResponse second = ShopStubs.deliver(api(), binary, ShopStubs.sign(binary));

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.header("Content-Type")).startsWith("application/problem+json");
        assertThat(lastLogRow(first))
                .containsEntry("processing_result", "error: malformed JSON")
                .containsEntry("event_type", null)
                .containsEntry("signature_valid", true);
        assertThat(second.status()).isEqualTo(400);
        assertThat(lastLogRow(second)).containsEntry("payload", "");
        assertThat(orderStatus()).isEqualTo("pending");
    }

    @Test
    void aDisputeIsLoggedButChangesNothing() {
        String body = ShopStubs.event(
                eventId(),
                "dispute_opened",
                "dispute_details",
                Map.of("dispute_id", "dp_1", "payment_id", paymentId, "dispute_status", "dispute_opened"));

        ApiResponse answer = ShopStubs.deliver(api(), body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(lastLogRow(answer))
                .containsEntry("processing_result", "skipped")
                .containsEntry("event_type", "dispute_opened");
        assertThat(orderStatus()).isEqualTo("pending");
    }

    @Test
    void aReplayedDeliveryChangesNothingTheSecondTime() {
        String body = ShopStubs.paymentEvent(eventId(), "payment_failed", paymentId, "failed", Instant.now());

        ApiResponse first = ShopStubs.deliver(api(), body);
        jdbc.sql("UPDATE orders SET status = 'pending' WHERE id = :id")
                .param("id", orderId)
                .update();
        ApiResponse replay = ShopStubs.deliver(api(), body);

        assertThat(first.field("result")).isEqualTo("ok");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.field("result")).isEqualTo("skipped");
        assertThat(orderStatus()).isEqualTo("pending");
    }

    @Test
    void anEventOlderThanTheOrdersStateIsIgnored() {
        Instant now = Instant.now();
        ShopStubs.deliver(api(), ShopStubs.paymentEvent(eventId(), "payment_succeeded", paymentId, "succeeded", now));

        ApiResponse late = ShopStubs.deliver(
                api(), ShopStubs.paymentEvent(eventId(), "payment_failed", paymentId, "failed", now.minusSeconds(60)));

        assertThat(late.field("result")).isEqualTo("skipped");
        assertThat(orderStatus()).isEqualTo("completed");
    }

    @Test
    void aFailureThenALaterSuccessCompletesTheOrder() {
        Instant now = Instant.now();
        ShopStubs.deliver(
                api(), ShopStubs.paymentEvent(eventId(), "payment_failed", paymentId, "failed", now.minusSeconds(30)));
        assertThat(orderStatus()).isEqualTo("failed");

        ShopStubs.deliver(api(), ShopStubs.paymentEvent(eventId(), "payment_succeeded", paymentId, "succeeded", now));

        assertThat(orderStatus()).isEqualTo("completed");
    }

    @Test
    void aWebhookArrivingAfterTheReconcilerResolvedTheOrderIsANoOp() {
        String synthetic = ShopStubs.paymentEvent(
                "reconcile:" + paymentId + ":succeeded", "payment_succeeded", paymentId, "succeeded", Instant.now());
        ShopStubs.deliver(api(), synthetic);
        long purchases = purchases();

        ApiResponse real = ShopStubs.deliver(
                api(), ShopStubs.paymentEvent(eventId(), "payment_succeeded", paymentId, "succeeded", Instant.now()));

        assertThat(real.field("result")).isEqualTo("skipped");
        assertThat(purchases()).isEqualTo(purchases).isEqualTo(1);
    }

    private long purchases() {
        return jdbc.sql("SELECT count(*) FROM purchases p JOIN order_lines l ON l.id = p.order_line_id"
                        + " WHERE l.order_id = :o")
                .param("o", orderId)
                .query(Long.class)
                .single();
    }

    private String orderStatus() {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }

    private long logRows() {
        return jdbc.sql("SELECT count(*) FROM hyperswitch_webhook_log")
                .query(Long.class)
                .single();
    }

    /** The newest log row: the delivery just made (deliveries in these tests are one at a time). */
    private Map<String, Object> lastLogRow(ApiResponse afterThisAnswer) {
        return jdbc.sql("SELECT payload, signature_valid, processing_result, event_type, user_agent, request_id"
                        + " FROM hyperswitch_webhook_log ORDER BY id DESC LIMIT 1")
                .query()
                .singleRow();
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
