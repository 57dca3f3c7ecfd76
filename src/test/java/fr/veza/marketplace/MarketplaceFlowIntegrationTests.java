package fr.veza.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.storage.BlobStore;
import fr.veza.support.ApiResponse;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Buying, paying, owning and refunding, through the API, against Hyperswitch's and Stripe's APIs. */
class MarketplaceFlowIntegrationTests extends MarketplaceTest {

    @Autowired
    BlobStore blobs;

    private TestUser seller;
    private UUID track;

    @BeforeEach
    void shop() {
        ShopStubs.answer();
        seller = register("artist");
        track = readyTrack(seller, "Night Drive", "public");
        jdbc.sql("INSERT INTO seller_accounts (user_id, stripe_account_id, details_submitted, charges_enabled,"
                        + " payouts_enabled) VALUES (:user, :account, TRUE, TRUE, TRUE)")
                .param("user", seller.id())
                .param(
                        "account",
                        "acct_" + seller.id().toString().replace("-", "").substring(0, 16))
                .update();
    }

    @Test
    void aSellerSellsOnlyTheirOwnReadyTracksAndALicenceNeedsTerms() {
        TestUser other = register("artist");
        assertThat(as(other)
                        .post("/api/v1/marketplace/products", product(track, "download", null))
                        .status())
                .isEqualTo(400);
        ApiResponse noTerms = as(seller).post("/api/v1/marketplace/products", product(track, "licence", null));
        assertThat(noTerms.status()).isEqualTo(400);
        assertThat(noTerms.header("Content-Type")).startsWith("application/problem+json");
        UUID processing = UUID.randomUUID();
        jdbc.sql("INSERT INTO tracks (id, owner_id, title, visibility, status, file_path, original_format) VALUES (:id,"
                        + " :owner, 'Unfinished', 'public', 'processing', 'tracks/x/original', 'mp3')")
                .param("id", processing)
                .param("owner", seller.id())
                .update();
        assertThat(as(seller)
                        .post("/api/v1/marketplace/products", product(processing, "download", null))
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE seller_id = :s")
                        .param("s", seller.id())
                        .query(Integer.class)
                        .single())
                .isZero();

        ApiResponse created =
                as(seller).post("/api/v1/marketplace/products", product(track, "licence", "Sync, 1 film"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("price").get("amount").asLong()).isEqualTo(1000);
        assertThat(as(seller)
                        .post("/api/v1/marketplace/products", product(track, "licence", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(api().get("/api/v1/marketplace/products/" + created.field("id"))
                        .status())
                .isEqualTo(200);

        as(seller).post("/api/v1/marketplace/products/" + created.field("id") + "/unpublish", null);
        assertThat(api().get("/api/v1/marketplace/products/" + created.field("id"))
                        .status())
                .isEqualTo(404);
        assertThat(as(other)
                        .patch(
                                "/api/v1/marketplace/products/" + created.field("id"),
                                Map.of("price", ShopStubs.price(1, "EUR")))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOrderWithoutIdempotencyKeyIsRefusedLoudlyAndChangesNothing() {
        UUID product = productOf("download");
        TestUser buyer = register();
        for (String key : new String[] {null, "", "   "}) {
            var client = key == null ? as(buyer) : as(buyer).with("Idempotency-Key", key);
            ApiResponse refused = client.post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product)));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.field("code")).isEqualTo("idempotency_key_required");
        }
        assertThat(ordersOf(buyer)).isZero();
    }

    @Test
    void theSameKeyAndBodyAnswerTheSameOrderAndAnotherBodyIsRefused() {
        UUID download = productOf("download");
        UUID licence = productOf("licence");
        TestUser buyer = register();
        String key = "order-" + UUID.randomUUID();
        var client = as(buyer).with("Idempotency-Key", key);

        ApiResponse first =
                client.post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(download, licence)));
        ApiResponse again =
                client.post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(licence, download)));
        ApiResponse other = client.post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(download)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("payment").get("client_secret").asText()).endsWith("_secret_test");
        assertThat(first.json().get("total").get("amount").asLong()).isEqualTo(2000);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.field("code")).isEqualTo("idempotency_key_reused");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        TestProviders.client()
                .verifyThat(
                        1,
                        postRequestedFor(urlPathEqualTo("/payments"))
                                .withHeader("Idempotency-Key", equalTo(key))
                                .withRequestBody(matchingJsonPath("$.metadata.order_id", equalTo(first.field("id")))));
    }

    @Test
    void twentyParallelRetriesMakeOneOrderAndOnePayment() throws Exception {
        UUID product = productOf("download");
        TestUser buyer = register();
        String key = "parallel-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<ApiResponse>> retries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            retries.add(() -> as(buyer)
                    .with("Idempotency-Key", key)
                    .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product))));
        }
        List<ApiResponse> answers = new ArrayList<>();
        for (Future<ApiResponse> answer : pool.invokeAll(retries)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(answers).extracting(ApiResponse::status).allMatch(s -> s == 200 || s == 201);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers)
                .extracting(a -> a.field("id"))
                .containsOnly(answers.get(0).field("id"));
        assertThat(answers)
                .extracting(a -> a.json().get("payment").get("payment_id").asText())
                .doesNotContainNull()
                .containsOnly(
                        answers.get(0).json().get("payment").get("payment_id").asText());
        assertThat(ordersOf(buyer)).isEqualTo(1);
        TestProviders.client()
                .verifyThat(
                        1, postRequestedFor(urlPathEqualTo("/payments")).withHeader("Idempotency-Key", equalTo(key)));
    }

    @Test
    void aPaidOrderGrantsTheBuyerThePurchaseAndPaysTheSellerOnce() throws Exception {
        UUID product = productOf("licence");
        TestUser buyer = register();
        ApiResponse order = place(buyer, product);
        String paymentId = order.json().get("payment").get("payment_id").asText();
        blobs.put("tracks/" + track + "/original", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "audio/mpeg");

        ApiResponse delivered = ShopStubs.deliver(
                api(),
                ShopStubs.paymentEvent(
                        "evt_" + UUID.randomUUID(), "payment_succeeded", paymentId, "succeeded", Instant.now()));
        ApiResponse redelivered = ShopStubs.deliver(
                api(),
                ShopStubs.paymentEvent(
                        "evt_" + UUID.randomUUID(), "payment_succeeded", paymentId, "succeeded", Instant.now()));

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.field("result")).isEqualTo("ok");
        assertThat(redelivered.field("result")).isEqualTo("skipped");
        ApiResponse completed = as(buyer).get("/api/v1/marketplace/orders/" + order.field("id"));
        assertThat(completed.field("status")).isEqualTo("completed");
        assertThat(completed.json().get("payment").get("client_secret").isNull())
                .isTrue();

        UUID transferId = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT id FROM seller_transfers WHERE order_id = :o AND status = 'completed'")
                                .param("o", UUID.fromString(order.field("id")))
                                .query(UUID.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);
        Map<String, Object> transfer = jdbc.sql("SELECT amount_minor, platform_fee_minor, stripe_transfer_id"
                        + " FROM seller_transfers WHERE id = :id")
                .param("id", transferId)
                .query()
                .singleRow();
        assertThat(transfer).containsEntry("amount_minor", 900L).containsEntry("platform_fee_minor", 100L);
        assertThat((String) transfer.get("stripe_transfer_id")).startsWith("tr_");
        TestProviders.client()
                .verifyThat(
                        1,
                        postRequestedFor(urlPathEqualTo("/v1/transfers"))
                                .withHeader("Idempotency-Key", equalTo("veza-transfer-" + transferId)));

        ApiResponse purchases = as(buyer).get("/api/v1/marketplace/purchases");
        String purchase = purchases.json().get("items").get(0).get("id").asText();
        assertThat(as(buyer)
                        .get("/api/v1/marketplace/purchases/" + purchase + "/licence")
                        .field("terms"))
                .isEqualTo("Sync, 1 film");
        assertThat(as(buyer).bytes("/api/v1/tracks/" + track + "/original").statusCode())
                .isEqualTo(200);
        TestUser stranger = register();
        assertThat(as(stranger)
                        .get("/api/v1/marketplace/purchases/" + purchase + "/licence")
                        .status())
                .isEqualTo(404);
        assertThat(as(stranger)
                        .get("/api/v1/marketplace/orders/" + order.field("id"))
                        .status())
                .isEqualTo(404);
        assertThat(as(stranger).bytes("/api/v1/tracks/" + track + "/original").statusCode())
                .isEqualTo(403);
        assertThat(as(seller)
                        .get("/api/v1/marketplace/orders/" + order.field("id"))
                        .json()
                        .get("payment")
                        .isNull())
                .isTrue();
        assertThat(as(seller)
                        .get("/api/v1/sellers/me/transfers")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void aRefundRevokesThePurchaseAndTheWorkerReversesThePayout() {
        UUID product = productOf("licence");
        TestUser buyer = register();
        ApiResponse order = place(buyer, product);
        UUID orderId = UUID.fromString(order.field("id"));
        ShopStubs.deliver(
                api(),
                ShopStubs.paymentEvent(
                        "evt_" + UUID.randomUUID(),
                        "payment_succeeded",
                        order.json().get("payment").get("payment_id").asText(),
                        "succeeded",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> transferStatus(orderId).equals("completed"));
        TestUser stranger = register();
        assertThat(as(stranger)
                        .post("/api/v1/marketplace/orders/" + orderId + "/refund", Map.of())
                        .status())
                .isEqualTo(404);

        ApiResponse refund =
                as(buyer).post("/api/v1/marketplace/orders/" + orderId + "/refund", Map.of("reason", "wrong track"));
        assertThat(refund.status()).isEqualTo(202);
        assertThat(refund.field("status")).isEqualTo("pending");
        String providerRefundId = refund.field("provider_refund_id");
        assertThat(providerRefundId).startsWith("ref_");
        assertThat(as(buyer)
                        .post("/api/v1/marketplace/orders/" + orderId + "/refund", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(as(buyer).get("/api/v1/marketplace/orders/" + orderId).field("status"))
                .isEqualTo("refund_pending");

        ApiResponse settled = ShopStubs.deliver(
                api(),
                ShopStubs.refundEvent(
                        "evt_" + UUID.randomUUID(), "refund_succeeded", providerRefundId, "succeeded", Instant.now()));

        assertThat(settled.field("result")).isEqualTo("ok");
        assertThat(as(buyer).get("/api/v1/marketplace/orders/" + orderId).field("status"))
                .isEqualTo("refunded");
        String purchase = as(buyer)
                .get("/api/v1/marketplace/purchases")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        ApiResponse licence = as(buyer).get("/api/v1/marketplace/purchases/" + purchase + "/licence");
        assertThat(licence.status()).isEqualTo(410);
        assertThat(licence.field("code")).isEqualTo("purchase_revoked");
        assertThat(transferStatus(orderId)).isEqualTo("reversal_pending");
        var listed =
                as(buyer).get("/api/v1/marketplace/orders").json().get("items").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(orderId.toString());
        assertThat(listed.get("lines")).hasSize(1);
        assertThat(listed.get("refunds").get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(as(seller)
                        .get("/api/v1/marketplace/orders")
                        .json()
                        .get("items")
                        .findValuesAsText("id"))
                .contains(orderId.toString());

        reversalWorker.run(new fr.veza.platform.worker.WorkerRun(Instant.now(), () -> false));
        assertThat(transferStatus(orderId)).isEqualTo("reversed");
    }

    @Test
    void pastTheRefundWindowOnlyAnAdminMayRefund() {
        TestUser buyer = register();
        ApiResponse order = place(buyer, productOf("download"));
        UUID orderId = UUID.fromString(order.field("id"));
        ShopStubs.deliver(
                api(),
                ShopStubs.paymentEvent(
                        "evt_" + UUID.randomUUID(),
                        "payment_succeeded",
                        order.json().get("payment").get("payment_id").asText(),
                        "succeeded",
                        Instant.now()));
        jdbc.sql("UPDATE orders SET completed_at = now() - interval '15 days' WHERE id = :id")
                .param("id", orderId)
                .update();

        ApiResponse late = as(buyer).post("/api/v1/marketplace/orders/" + orderId + "/refund", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.field("code")).isEqualTo("refund_not_allowed");
        assertThat(jdbc.sql("SELECT count(*) FROM refunds WHERE order_id = :o")
                        .param("o", orderId)
                        .query(Integer.class)
                        .single())
                .isZero();

        ApiResponse byAdmin =
                as(admin()).post("/api/v1/marketplace/orders/" + orderId + "/refund", Map.of("reason", "goodwill"));
        assertThat(byAdmin.status()).isEqualTo(202);
        assertThat(as(buyer).get("/api/v1/marketplace/orders/" + orderId).field("status"))
                .isEqualTo("refund_pending");
    }

    @Autowired
    fr.veza.platform.worker.PeriodicWorker[] workers;

    private fr.veza.platform.worker.PeriodicWorker reversalWorker;

    @BeforeEach
    void findWorkers() {
        for (var worker : workers) {
            if (worker.name().equals("stripe-reversal")) {
                reversalWorker = worker;
            }
        }
    }

    private ApiResponse place(TestUser buyer, UUID product) {
        ApiResponse order = as(buyer)
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product)));
        assertThat(order.status()).isEqualTo(201);
        return order;
    }

    private String transferStatus(UUID orderId) {
        return jdbc.sql("SELECT status FROM seller_transfers WHERE order_id = :o")
                .param("o", orderId)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    private UUID productOf(String kind) {
        ApiResponse created = as(seller)
                .post(
                        "/api/v1/marketplace/products",
                        product(track, kind, "licence".equals(kind) ? "Sync, 1 film" : null));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.field("id"));
    }

    private int ordersOf(TestUser buyer) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE buyer_id = :b")
                .param("b", buyer.id())
                .query(Integer.class)
                .single();
    }

    private static Map<String, Object> product(UUID track, String kind, String terms) {
        var body = new java.util.HashMap<String, Object>();
        body.put("track_id", track);
        body.put("kind", kind);
        body.put("licence_terms", terms);
        body.put("price", ShopStubs.price(1000, "EUR"));
        return body;
    }
}
