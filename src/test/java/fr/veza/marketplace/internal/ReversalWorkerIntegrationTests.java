package fr.veza.marketplace.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reversal worker's cases from the original change notes, against Stripe's API served by WireMock. */
class ReversalWorkerIntegrationTests extends MarketplaceTest {

    @Autowired
    ReversalWorker worker;

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        TestUser seller = register("artist");
        ledger = new Ledger(jdbc, register().id(), seller.id(), readyTrack(seller, "Sold", "public"));
        TestProviders.client()
                .register(post(urlPathMatching("/v1/transfers/[^/]+/reversals"))
                        .atPriority(10)
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\": \"trr_happy\", \"object\": \"transfer_reversal\"}")));
    }

    @Test
    void aReversalPendingTransferIsReversedWithTheReversalIdAndItsOwnIdempotencyKey() {
        UUID id = pending("tr_" + rand(), 0);

        run();

        assertThat(status(id)).isEqualTo("reversed");
        assertThat(ledger.value("seller_transfers", id, "stripe_reversal_id")).isEqualTo("trr_happy");
        TestProviders.client()
                .verifyThat(
                        1,
                        postRequestedFor(urlPathMatching("/v1/transfers/.*/reversals"))
                                .withHeader("Idempotency-Key", equalTo("veza-reversal-" + id)));
    }

    @Test
    void aTransferStripeSaysIsAlreadyReversedIsMarkedReversed() {
        String transfer = "tr_" + rand();
        UUID id = pending(transfer, 0);
        refuse(
                transfer,
                400,
                "{\"error\": {\"type\": \"invalid_request_error\"," + " \"message\": \"Transfer " + transfer
                        + " is already fully reversed.\"}}");
        TestProviders.client()
                .register(get(urlPathEqualTo("/v1/transfers/" + transfer))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\": \"" + transfer + "\", \"object\": \"transfer\", \"amount\": 900,"
                                        + " \"amount_reversed\": 900, \"reversed\": true}")));

        run();

        assertThat(status(id)).isEqualTo("reversed");
        assertThat(ledger.value("seller_transfers", id, "stripe_reversal_id")).isNull();
    }

    @Test
    void aTransferStripeDoesNotKnowIsPermanentlyFailed() {
        String transfer = "tr_" + rand();
        UUID id = pending(transfer, 0);
        refuse(
                transfer,
                404,
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                        + " \"message\": \"No such transfer: '" + transfer + "'\"}}");

        run();

        assertThat(status(id)).isEqualTo("permanently_failed");
        assertThat(ledger.value("seller_transfers", id, "last_error")).contains(transfer);
    }

    @Test
    void aTransientFailureStaysPendingWithOneMoreRetryAndBackoff() {
        String transfer = "tr_" + rand();
        UUID id = pending(transfer, 0);
        unavailable(transfer);

        run();

        assertThat(status(id)).isEqualTo("reversal_pending");
        assertThat(ledger.value("seller_transfers", id, "retry_count")).isEqualTo("1");
        assertThat(nextRetry(id)).isCloseTo(Instant.now().plus(Duration.ofMinutes(1)), within(20, ChronoUnit.SECONDS));
    }

    @Test
    void theBackoffDoublesPerRetryAndIsCappedAtTheMaximum() {
        String transfer = "tr_" + rand();
        UUID id = pending(transfer, 3);
        unavailable(transfer);

        run();

        assertThat(nextRetry(id)).isCloseTo(Instant.now().plus(Duration.ofMinutes(8)), within(20, ChronoUnit.SECONDS));
        assertThat(worker.backoff(4)).isEqualTo(Duration.ofMinutes(16));
        assertThat(worker.backoff(6)).isEqualTo(Duration.ofHours(1)); // 64 min capped at REVERSAL_BACKOFF_MAX
        assertThat(worker.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void exhaustedRetriesArePermanentlyFailed() {
        String transfer = "tr_" + rand();
        UUID id = pending(transfer, 4);
        unavailable(transfer);

        run();

        assertThat(status(id)).isEqualTo("permanently_failed");
        assertThat(ledger.value("seller_transfers", id, "retry_count")).isEqualTo("5");
    }

    @Test
    void aRowWithoutStripeTransferIsPermanentlyFailedWithoutCallingStripe() {
        UUID id = pending(null, 0);

        run();

        assertThat(status(id)).isEqualTo("permanently_failed");
        TestProviders.client()
                .verifyThat(
                        0,
                        postRequestedFor(urlPathMatching("/v1/transfers/.*/reversals"))
                                .withHeader("Idempotency-Key", equalTo("veza-reversal-" + id)));
    }

    @Test
    void onlyReversalPendingRowsAreTaken() {
        UUID completed = ledger.transfer(
                ledger.order("completed", "pay_" + rand(), Duration.ZERO),
                "completed",
                "tr_" + rand(),
                0,
                Instant.now().minusSeconds(60));
        UUID failed = ledger.transfer(
                ledger.order("completed", "pay_" + rand(), Duration.ZERO),
                "failed",
                "tr_" + rand(),
                0,
                Instant.now().minusSeconds(60));
        UUID reversed = ledger.transfer(
                ledger.order("refunded", "pay_" + rand(), Duration.ZERO),
                "reversed",
                "tr_" + rand(),
                0,
                Instant.now().minusSeconds(60));

        run();

        assertThat(status(completed)).isEqualTo("completed");
        assertThat(status(failed)).isEqualTo("failed");
        assertThat(status(reversed)).isEqualTo("reversed");
    }

    @Test
    void aRowWhoseNextRetryIsInTheFutureWaits() {
        UUID id = ledger.transfer(
                ledger.order("refunded", "pay_" + rand(), Duration.ZERO),
                "reversal_pending",
                "tr_" + rand(),
                1,
                Instant.now().plus(Duration.ofMinutes(10)));

        run();

        assertThat(status(id)).isEqualTo("reversal_pending");
        assertThat(ledger.value("seller_transfers", id, "retry_count")).isEqualTo("1");
    }

    private UUID pending(String stripeTransferId, int retries) {
        return ledger.transfer(
                ledger.order("refunded", "pay_" + rand(), Duration.ZERO),
                "reversal_pending",
                stripeTransferId,
                retries,
                Instant.now().minusSeconds(1));
    }

    private void run() {
        worker.run(new WorkerRun(Instant.now(), () -> false));
    }

    private String status(UUID id) {
        return ledger.value("seller_transfers", id, "status");
    }

    private Instant nextRetry(UUID id) {
        return jdbc.sql("SELECT next_retry_at FROM seller_transfers WHERE id = :id")
                .param("id", id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private static void refuse(String transfer, int status, String body) {
        TestProviders.client()
                .register(post(urlPathEqualTo("/v1/transfers/" + transfer + "/reversals"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader("Content-Type", "application/json")
                                .withBody(body)));
    }

    private static void unavailable(String transfer) {
        refuse(transfer, 503, "{\"error\": {\"type\": \"api_error\", \"message\": \"Stripe is unavailable\"}}");
    }

    private static String rand() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
