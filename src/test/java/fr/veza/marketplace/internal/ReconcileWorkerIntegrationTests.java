package fr.veza.marketplace.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reconciler's cases from the original change notes: Hyperswitch's API served by WireMock, rows in the embedded
 * PostgreSQL. The worker only reads from the provider, and feeds what it reads to the normal handler.
 */
class ReconcileWorkerIntegrationTests extends MarketplaceTest {

    private static final Duration STUCK = Duration.ofMinutes(31);
    private static final Duration RECENT = Duration.ofMinutes(2);

    @Autowired
    ReconcileWorker worker;

    @Autowired
    RefundService refunds;

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        TestUser seller = register("artist");
        ledger = new Ledger(jdbc, register().id(), seller.id(), readyTrack(seller, "Sold", "public"));
    }

    @Test
    void aStuckOrderIsSyncedThroughASyntheticWebhook() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, STUCK).order();
        providerSays("/payments/" + payment, "{\"payment_id\": \"" + payment + "\", \"status\": \"succeeded\"}");

        worker.runOnce(() -> false);

        assertThat(ledger.value("orders", order, "status")).isEqualTo("completed");
        assertThat(jdbc.sql("SELECT count(*) FROM purchases p JOIN order_lines l ON l.id = p.order_line_id"
                                + " WHERE l.order_id = :o")
                        .param("o", order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM hyperswitch_processed_events WHERE event_id = :e")
                        .param("e", "reconcile:" + payment + ":succeeded")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRecentOrderIsNotTouched() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, RECENT).order();
        providerSays("/payments/" + payment, "{\"payment_id\": \"" + payment + "\", \"status\": \"succeeded\"}");

        worker.runOnce(() -> false);

        assertThat(ledger.value("orders", order, "status")).isEqualTo("pending");
        TestProviders.client().verifyThat(0, getRequestedFor(urlPathEqualTo("/payments/" + payment)));
    }

    @Test
    void aCompletedOrderIsNotTouched() {
        String payment = paymentId();
        UUID order = ledger.order("completed", payment, STUCK).order();

        worker.runOnce(() -> false);

        assertThat(ledger.value("orders", order, "status")).isEqualTo("completed");
        TestProviders.client().verifyThat(0, getRequestedFor(urlPathEqualTo("/payments/" + payment)));
    }

    @Test
    void anOrderWithoutPaymentIdIsNotTouched() {
        UUID withoutPayment = ledger.order("pending", null, STUCK).order();

        worker.runOnce(() -> false);

        assertThat(ledger.value("orders", withoutPayment, "status")).isEqualTo("pending");
    }

    @Test
    void aProviderReadErrorLeavesTheRowForTheNextTick() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, STUCK).order();
        String before = ledger.value("orders", order, "updated_at");
        TestProviders.client()
                .register(get(urlPathEqualTo("/payments/" + payment))
                        .willReturn(aResponse().withStatus(503).withBody("{\"error\": {\"message\": \"down\"}}")));

        ReconcileWorker.Pass pass = worker.runOnce(() -> false);

        assertThat(pass.readErrors()).isPositive();
        assertThat(ledger.value("orders", order, "status")).isEqualTo("pending");
        assertThat(ledger.value("orders", order, "updated_at")).isEqualTo(before);
    }

    /** The crash between refund phases: phase 1 committed, the provider never asked. */
    @Test
    void anOrphanRefundIsFailedAndItsOrderRolledBackToCompleted() {
        UUID order = ledger.order("completed", paymentId(), Duration.ofDays(1)).order();
        Refund orphan = refunds.recordPending(buyer(), order, "changed my mind");
        assertThat(ledger.value("orders", order, "status")).isEqualTo("refund_pending");
        jdbc.sql("UPDATE refunds SET created_at = now() - interval '6 minutes' WHERE id = :id")
                .param("id", orphan.id())
                .update();

        worker.runOnce(() -> false);

        assertThat(ledger.value("refunds", orphan.id(), "status")).isEqualTo("failed");
        assertThat(ledger.value("refunds", orphan.id(), "error_message")).contains("orphaned");
        assertThat(ledger.value("orders", order, "status")).isEqualTo("completed");
    }

    @Test
    void aRecentOrphanRefundIsNotTouched() {
        UUID order =
                ledger.order("refund_pending", paymentId(), Duration.ofDays(1)).order();
        UUID refund = ledger.refund(order, "pending", null, Duration.ofMinutes(1));

        worker.runOnce(() -> false);

        assertThat(ledger.value("refunds", refund, "status")).isEqualTo("pending");
        assertThat(ledger.value("orders", order, "status")).isEqualTo("refund_pending");
    }

    @Test
    void aStuckRefundIsSyncedThroughASyntheticWebhook() {
        UUID order =
                ledger.order("refund_pending", paymentId(), Duration.ofDays(1)).order();
        String providerId = "ref_" + UUID.randomUUID().toString().replace("-", "");
        UUID refund = ledger.refund(order, "pending", providerId, STUCK);
        providerSays("/refunds/" + providerId, "{\"refund_id\": \"" + providerId + "\", \"status\": \"succeeded\"}");

        worker.runOnce(() -> false);

        assertThat(ledger.value("refunds", refund, "status")).isEqualTo("succeeded");
        assertThat(ledger.value("orders", order, "status")).isEqualTo("refunded");
    }

    @Test
    void aStuckRefundThatFailedKeepsTheProvidersErrorMessage() {
        UUID order =
                ledger.order("refund_pending", paymentId(), Duration.ofDays(1)).order();
        String providerId = "ref_" + UUID.randomUUID().toString().replace("-", "");
        UUID refund = ledger.refund(order, "pending", providerId, STUCK);
        providerSays(
                "/refunds/" + providerId,
                "{\"refund_id\": \"" + providerId + "\", \"status\": \"failed\","
                        + " \"error_message\": \"insufficient merchant balance\"}");

        worker.runOnce(() -> false);

        assertThat(ledger.value("refunds", refund, "status")).isEqualTo("failed");
        assertThat(ledger.value("refunds", refund, "error_message")).isEqualTo("insufficient merchant balance");
        assertThat(ledger.value("orders", order, "status")).isEqualTo("completed");
    }

    @Test
    void rowsInTerminalStatesAreNeverTouched() {
        String[] payments = {paymentId(), paymentId(), paymentId()};
        UUID completed = ledger.order("completed", payments[0], STUCK).order();
        UUID failed = ledger.order("failed", payments[1], STUCK).order();
        UUID refunded = ledger.order("refunded", payments[2], STUCK).order();
        String succeededId = "ref_" + UUID.randomUUID().toString().replace("-", "");
        UUID succeeded = ledger.refund(refunded, "succeeded", succeededId, STUCK);
        UUID failedRefund = ledger.refund(completed, "failed", null, STUCK);

        worker.runOnce(() -> false);

        assertThat(ledger.value("orders", completed, "status")).isEqualTo("completed");
        assertThat(ledger.value("orders", failed, "status")).isEqualTo("failed");
        assertThat(ledger.value("orders", refunded, "status")).isEqualTo("refunded");
        assertThat(ledger.value("refunds", succeeded, "status")).isEqualTo("succeeded");
        assertThat(ledger.value("refunds", failedRefund, "status")).isEqualTo("failed");
        for (String payment : payments) {
            TestProviders.client().verifyThat(0, getRequestedFor(urlPathEqualTo("/payments/" + payment)));
        }
        TestProviders.client().verifyThat(0, getRequestedFor(urlPathEqualTo("/refunds/" + succeededId)));
    }

    @Test
    void theAdminEndpointRunsOnePassAndSaysWhatItDid() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, STUCK).order();
        providerSays("/payments/" + payment, "{\"payment_id\": \"" + payment + "\", \"status\": \"failed\"}");

        var pass = as(admin()).post("/api/v1/admin/reconcile", null);

        assertThat(pass.status()).isEqualTo(200);
        assertThat(pass.json().get("synced").asInt()).isPositive();
        assertThat(ledger.value("orders", order, "status")).isEqualTo("failed");
        assertThat(as(register()).post("/api/v1/admin/reconcile", null).status())
                .isEqualTo(403);
    }

    private CurrentUser buyer() {
        return new CurrentUser(ledger.buyer(), Role.LISTENER, null);
    }

    private static void providerSays(String path, String body) {
        TestProviders.client()
                .register(get(urlPathEqualTo(path))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(body)));
    }

    private static String paymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}
