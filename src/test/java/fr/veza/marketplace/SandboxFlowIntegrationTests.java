package fr.veza.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole flow on the built-in sandbox providers, as the README has it tried with curl: onboard, sell, pay,
 * get paid, refund, reverse; with the buyer's and the seller's notifications.
 */
class SandboxFlowIntegrationTests extends IntegrationTest {

    @Autowired
    List<PeriodicWorker> workers;

    @Test
    void payGetPaidRefundAndReverseOnTheSandbox() {
        TestUser seller = register("artist");
        assertThat(as(register()).post("/api/v1/sellers/onboarding", null).status())
                .isEqualTo(403);
        ApiResponse onboarding = as(seller).post("/api/v1/sellers/onboarding", null);
        assertThat(onboarding.status()).isEqualTo(200);
        assertThat(onboarding.json().get("account").get("stripe_account_id").asText())
                .startsWith("acct_sandbox_");
        assertThat(as(seller)
                        .get("/api/v1/sellers/me")
                        .json()
                        .get("ready_for_payouts")
                        .asBoolean())
                .isTrue();
        UUID track = readyTrack(seller, "Harbour Lights", "public");
        ApiResponse product = offerDownload(seller, track, 700, "EUR");
        TestUser buyer = register();

        ApiResponse order = as(buyer)
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product.field("id"))));
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.json().get("payment").get("sandbox").asBoolean()).isTrue();
        String settle = order.json().get("payment").get("sandbox_settle_url").asText();
        ApiResponse paid = api().post(settle, null);

        assertThat(paid.json().get("webhook_status").asInt()).isEqualTo(200);
        assertThat(paid.field("processing_result")).isEqualTo("ok");
        String orderPath = "/api/v1/marketplace/orders/" + order.field("id");
        assertThat(as(buyer).get(orderPath).field("status")).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(seller)
                        .get("/api/v1/sellers/me/transfers")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText()
                        .equals("completed"));
        ApiResponse payout = as(seller).get("/api/v1/sellers/me/transfers");
        assertThat(payout.json().get("items").get(0).get("amount").get("amount").asLong())
                .isEqualTo(630);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notificationTypes(seller).contains("new_sale")
                        && notificationTypes(buyer).contains("purchase_completed"));

        ApiResponse refund = as(buyer).post(orderPath + "/refund", Map.of("reason", "bought twice"));
        assertThat(refund.status()).isEqualTo(202);
        ApiResponse refunded =
                api().post("/api/v1/sandbox/refunds/" + refund.field("provider_refund_id") + "/succeed", null);

        assertThat(refunded.field("processing_result")).isEqualTo("ok");
        assertThat(as(buyer).get(orderPath).field("status")).isEqualTo("refunded");
        assertThat(as(seller)
                        .get("/api/v1/sellers/me/transfers")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("reversal_pending");
        worker("stripe-reversal").run(new WorkerRun(Instant.now(), () -> false));
        assertThat(as(seller)
                        .get("/api/v1/sellers/me/transfers")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("reversed");
    }

    @Test
    void theSandboxSettlesOnlyWhatItCreated() {
        ApiResponse unknown = api().post("/api/v1/sandbox/payments/pay_unknown/succeed", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api().post("/api/v1/sandbox/payments/pay_unknown/explode", Map.of())
                        .status())
                .isIn(404, 405);
    }

    private List<String> notificationTypes(TestUser user) {
        ApiResponse page = as(user).get("/api/v1/notifications");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json().get("items").findValuesAsText("type");
    }

    private PeriodicWorker worker(String name) {
        return workers.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
