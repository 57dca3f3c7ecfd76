package fr.veza.marketplace.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.marketplace.ShopStubs;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Payouts that could not leave at once: retried with backoff, given up after their attempts, or held for onboarding. */
class TransferRetryIntegrationTests extends MarketplaceTest {

    @Autowired
    TransferRetryWorker worker;

    @Autowired
    TransferRepository transfers;

    private Ledger ledger;
    private TestUser seller;

    @BeforeEach
    void ledger() {
        ShopStubs.answer();
        seller = register("artist");
        ledger = new Ledger(jdbc, register().id(), seller.id(), readyTrack(seller, "Sold", "public"));
    }

    @Test
    void aRefusedSendIsRetriedLaterWithBackoffAndSucceedsOnceStripeTakesIt() {
        UUID id = failed(0);
        stripeRefuses(id);

        worker.retry(transfers.find(id).orElseThrow());

        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("failed");
        assertThat(ledger.value("seller_transfers", id, "retry_count")).isEqualTo("1");
        assertThat(ledger.value("seller_transfers", id, "last_error")).contains("503");
        TestProviders.client().resetMappings();
        ShopStubs.answer();

        worker.retry(transfers.find(id).orElseThrow());

        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("completed");
        assertThat(ledger.value("seller_transfers", id, "stripe_transfer_id")).startsWith("tr_");
    }

    @Test
    void aPayoutOutOfAttemptsIsPermanentlyFailed() {
        UUID id = failed(5);

        worker.run(new WorkerRun(Instant.now(), () -> false));

        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("permanently_failed");
        assertThat(ledger.value("seller_transfers", id, "last_error")).contains("gave up after 5 attempts");
    }

    @Test
    void aPayoutWaitsForOnboardingAndLeavesOnceTheSellerCanBePaid() {
        Ledger.Sale sale = ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO);
        UUID id = ledger.transfer(sale, "awaiting_onboarding", null, 0, null);
        jdbc.sql("UPDATE seller_transfers SET stripe_account_id = NULL WHERE id = :id")
                .param("id", id)
                .update();

        worker.run(new WorkerRun(Instant.now(), () -> false));
        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("awaiting_onboarding");

        var onboarding = as(seller).post("/api/v1/sellers/onboarding", null);
        assertThat(onboarding.field("onboarding_url")).startsWith("https://connect.stripe.com/");
        assertThat(onboarding.json().get("account").get("ready_for_payouts").asBoolean())
                .isTrue();
        worker.run(new WorkerRun(Instant.now(), () -> false));

        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("completed");
        assertThat(ledger.value("seller_transfers", id, "stripe_account_id")).startsWith("acct_");
    }

    @Test
    void aSellerWhoFinishedOnboardingAtStripeIsPaidWithoutComingBack() {
        jdbc.sql("INSERT INTO seller_accounts (user_id, stripe_account_id) VALUES (:user, :account)")
                .param("user", seller.id())
                .param(
                        "account",
                        "acct_" + seller.id().toString().replace("-", "").substring(0, 12))
                .update();
        UUID id = ledger.transfer(
                ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "awaiting_onboarding",
                null,
                0,
                null);

        worker.run(new WorkerRun(Instant.now(), () -> false)); // Stripe (WireMock) now says payouts_enabled

        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("completed");
    }

    private UUID failed(int retries) {
        return ledger.transfer(
                ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "failed",
                null,
                retries,
                Instant.now().minusSeconds(1));
    }

    private static void stripeRefuses(UUID transfer) {
        TestProviders.client()
                .register(post(urlPathEqualTo("/v1/transfers"))
                        .withHeader("Idempotency-Key", equalTo("veza-transfer-" + transfer))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"try later\"}}")));
    }
}
