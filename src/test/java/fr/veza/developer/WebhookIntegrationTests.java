package fr.veza.developer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks to a real HTTP receiver on this machine, checked the way a developer's code would check them. */
class WebhookIntegrationTests extends CatalogTest {

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("Veza-Signature"),
                    exchange.getRequestHeaders().getFirst("Veza-Event"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aReadyTrackIsDeliveredSignedAsDocumented() throws Exception {
        TestUser artist = register("artist");
        ApiResponse registered = as(artist)
                .post("/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("track.ready")));
        assertThat(registered.status()).isEqualTo(201);
        String secret = registered.field("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(as(artist).get("/api/v1/developer/webhooks").text()).doesNotContain(secret);

        ApiResponse track = uploadAndProcess(artist, TestMedia.tone(3, "mp3"), Map.of("title", "Hooked"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());

        Received delivery = received.get(0);
        assertThat(delivery.event()).isEqualTo("track.ready");
        JsonNode body = new ObjectMapper().readTree(delivery.body());
        assertThat(body.get("type").asText()).isEqualTo("track.ready");
        assertThat(body.get("data").get("track_id").asText()).isEqualTo(track.field("id"));
        assertThat(body.get("data").get("title").asText()).isEqualTo("Hooked");
        // the documented recipe: HMAC-SHA256 over "<t>.<raw body>" with the endpoint secret, hex-encoded
        Map<String, String> parts = parse(delivery.signature());
        long timestamp = Long.parseLong(parts.get("t"));
        assertThat(timestamp).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(parts.get("v1")).isEqualTo(hmac(secret, timestamp + "." + delivery.body()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered"
                        .equals(log(artist, registered).get(0).get("status").asText()));
        assertThat(log(artist, registered).get(0).get("last_status_code").asInt())
                .isEqualTo(200);
    }

    @Test
    void aNewFollowerIsDeliveredToTheFollowedPersonOnly() throws Exception {
        TestUser artist = register("artist");
        ApiResponse registered = as(artist)
                .post("/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("follower.new")));
        String secret = registered.field("secret");
        TestUser fan = register();

        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null); // already following: no second event
        as(artist).put("/api/v1/users/" + fan.id() + "/follow", null); // the fan has no endpoint
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

        Received delivery = received.get(0);
        assertThat(delivery.event()).isEqualTo("follower.new");
        JsonNode data = new ObjectMapper().readTree(delivery.body()).get("data");
        assertThat(data.get("follower_id").asText()).isEqualTo(fan.id().toString());
        assertThat(data.get("follower_username").asText()).isEqualTo(fan.username());
        Map<String, String> parts = parse(delivery.signature());
        assertThat(parts.get("v1")).isEqualTo(hmac(secret, parts.get("t") + "." + delivery.body()));
    }

    @Test
    void aSaleIsToldToTheSellerOnlyWithTheirPayout() throws Exception {
        TestUser artist = register("artist");
        ApiResponse registered =
                as(artist).post("/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("sale.new")));
        UUID track = readyTrack(artist, "For Sale", "public");
        ApiResponse product = offerDownload(artist, track, 1000, "EUR");
        TestUser buyer = register();
        ApiResponse order = as(buyer)
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product.field("id"))));

        api().post(order.json().get("payment").get("sandbox_settle_url").asText(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());

        Received delivery = received.get(0);
        assertThat(delivery.event()).isEqualTo("sale.new");
        JsonNode data = new ObjectMapper().readTree(delivery.body()).get("data");
        assertThat(data.get("order_id").asText()).isEqualTo(order.field("id"));
        assertThat(data.get("payout").get("amount").asLong()).isEqualTo(900);
        assertThat(delivery.body()).doesNotContain(buyer.id().toString()).doesNotContain(buyer.username());
        Map<String, String> parts = parse(delivery.signature());
        assertThat(parts.get("v1")).isEqualTo(hmac(registered.field("secret"), parts.get("t") + "." + delivery.body()));
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndLogged() {
        answer.set(503);
        TestUser artist = register("artist");
        ApiResponse registered = as(artist)
                .post("/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("track.ready")));

        uploadAndProcess(artist, TestMedia.tone(3, "mp3"), Map.of("title", "Unlucky"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> log(artist, registered).get(0).get("attempts").asInt() == 1);

        JsonNode entry = log(artist, registered).get(0);
        assertThat(entry.get("status").asText()).isEqualTo("pending");
        assertThat(entry.get("last_status_code").asInt()).isEqualTo(503);
        assertThat(java.time.Instant.parse(entry.get("next_attempt_at").asText()))
                .isAfter(java.time.Instant.now().plusSeconds(30));
        assertThat(received).hasSize(1);

        answer.set(204);
        jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = CAST(:id AS uuid)")
                .param("id", entry.get("id").asText())
                .update();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered"
                        .equals(log(artist, registered).get(0).get("status").asText()));
        assertThat(log(artist, registered).get(0).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledUntilEnabledAgain() {
        answer.set(500);
        TestUser artist = register("artist");
        ApiResponse registered = as(artist)
                .post("/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("track.ready")));
        jdbc.sql("UPDATE webhook_endpoints SET consecutive_failures = 19 WHERE id = CAST(:id AS uuid)")
                .param("id", registered.field("id"))
                .update();

        uploadAndProcess(artist, TestMedia.tone(3, "mp3"), Map.of("title", "Last straw"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "disabled".equals(endpoint(artist).get("status").asText()));

        assertThat(endpoint(artist).get("disabled_reason").asText()).contains("20 failed deliveries");
        ApiResponse enabled = as(artist).post("/api/v1/developer/webhooks/" + registered.field("id") + "/enable", null);
        assertThat(enabled.field("status")).isEqualTo("active");
        assertThat(enabled.json().get("consecutive_failures").asInt()).isZero();
    }

    @Test
    void endpointsBelongToTheirOwner() {
        TestUser owner = register("artist");
        TestUser other = register();
        ApiResponse registered = as(owner)
                .post("/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("track.ready")));
        String path = "/api/v1/developer/webhooks/" + registered.field("id");

        assertThat(as(other).get(path + "/deliveries").status()).isEqualTo(404);
        assertThat(as(other).delete(path).status()).isEqualTo(404);
        assertThat(as(other).get("/api/v1/developer/webhooks").json()).isEmpty();
        assertThat(as(owner).delete(path).status()).isEqualTo(204);
        assertThat(as(owner).get("/api/v1/developer/webhooks").json()).isEmpty();
    }

    @Test
    void badRegistrationsAreRefused() {
        TestUser user = register();
        ApiResponse unknownEvent = as(user).post(
                        "/api/v1/developer/webhooks", Map.of("url", hookUrl(), "events", List.of("track.exploded")));
        ApiResponse badUrl = as(user).post(
                        "/api/v1/developer/webhooks",
                        Map.of("url", "gopher://example.com", "events", List.of("track.ready")));

        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.json().get("errors").get(0).get("field").asText())
                .startsWith("events");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private JsonNode log(TestUser user, ApiResponse endpoint) {
        return as(user).get("/api/v1/developer/webhooks/" + endpoint.field("id") + "/deliveries")
                .json();
    }

    private JsonNode endpoint(TestUser user) {
        return as(user).get("/api/v1/developer/webhooks").json().get(0);
    }

    private static Map<String, String> parse(String header) {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0].trim(), pair[1].trim());
        }
        return parts;
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private record Received(String signature, String event, String body) {}
}
