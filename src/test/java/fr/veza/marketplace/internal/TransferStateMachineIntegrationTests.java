package fr.veza.marketplace.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Concurrent writers of one payout: exactly one wins, the others learn they lost. */
class TransferStateMachineIntegrationTests extends MarketplaceTest {

    @Autowired
    TransferStateMachine transitions;

    @Autowired
    TransferRepository transfers;

    @Autowired
    ReversalWorker reversalWorker;

    @Autowired
    TransferAdministration administration;

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        fr.veza.marketplace.ShopStubs.answer();
        TestUser seller = register("artist");
        ledger = new Ledger(jdbc, register().id(), seller.id(), readyTrack(seller, "Sold", "public"));
    }

    @Test
    void ofTwelveConcurrentTransitionsFromOneStateExactlyOneWins() throws Exception {
        UUID id = ledger.transfer(
                ledger.order("refunded", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "reversal_pending",
                "tr_" + UUID.randomUUID(),
                0,
                Instant.now());
        Transfer read = transfers.find(id).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TransferStatus to = i % 2 == 0 ? TransferStatus.REVERSED : TransferStatus.PERMANENTLY_FAILED;
            writers.add(() -> {
                start.await();
                return transitions.transition(read, to, TransferStateMachine.Extras.none());
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> writer : writers) {
            results.add(pool.submit(writer));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(ledger.value("seller_transfers", id, "status")).isIn("reversed", "permanently_failed");
    }

    @Test
    void twoReversalWorkersOnOneTransferCallStripeOnce() throws Exception {
        UUID id = ledger.transfer(
                ledger.order("refunded", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "reversal_pending",
                "tr_" + UUID.randomUUID(),
                0,
                Instant.now().minusSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> run = () -> {
            start.await();
            return reversalWorker.run(new WorkerRun(Instant.now(), () -> false));
        };
        Future<Object> first = pool.submit(run);
        Future<Object> second = pool.submit(run);
        start.countDown();
        first.get();
        second.get();
        pool.shutdown();

        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("reversed");
        TestProviders.client()
                .verifyThat(
                        1,
                        postRequestedFor(urlPathMatching("/v1/transfers/.*/reversals"))
                                .withHeader("Idempotency-Key", equalTo("veza-reversal-" + id)));
    }

    @Test
    void aMoveOutsideTheTableIsRefusedAndChangesNothing() {
        UUID id = ledger.transfer(
                ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "reversed",
                "tr_" + UUID.randomUUID(),
                0,
                null);
        Transfer read = transfers.find(id).orElseThrow();

        assertThatThrownBy(
                        () -> transitions.transition(read, TransferStatus.PENDING, TransferStateMachine.Extras.none()))
                .isInstanceOf(TransferStateMachine.IllegalTransferTransitionException.class)
                .hasMessageContaining("reversed -> pending");
        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("reversed");
    }

    @Test
    void aStaleReadLosesToTheRowsCurrentState() {
        UUID id = ledger.transfer(
                ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "failed",
                "tr_" + UUID.randomUUID(),
                1,
                Instant.now());
        Transfer stale = transfers.find(id).orElseThrow();
        assertThat(transitions.transition(stale, TransferStatus.CANCELLED, TransferStateMachine.Extras.none()))
                .isTrue();

        assertThat(transitions.transition(stale, TransferStatus.PENDING, TransferStateMachine.Extras.none()))
                .isFalse();
        assertThat(ledger.value("seller_transfers", id, "status")).isEqualTo("cancelled");
    }

    @Test
    void anAdminRetrySendsAFailedPayoutAgainAndThePermanentlyFailedReversalIsRetried() {
        UUID failed = ledger.transfer(
                ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "failed",
                null,
                5,
                Instant.now().plus(Duration.ofHours(1)));
        UUID reversal = ledger.transfer(
                ledger.order("refunded", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "permanently_failed",
                "tr_" + UUID.randomUUID(),
                5,
                null);
        UUID done = ledger.transfer(
                ledger.order("completed", "pay_" + UUID.randomUUID(), Duration.ZERO),
                "completed",
                "tr_" + UUID.randomUUID(),
                0,
                null);
        var admin = as(admin());

        var retried = admin.post("/api/v1/admin/transfers/" + failed + "/retry", null);
        var reversed = admin.post("/api/v1/admin/transfers/" + reversal + "/retry", null);
        var refused = admin.post("/api/v1/admin/transfers/" + done + "/retry", null);

        assertThat(retried.field("status")).isEqualTo("completed");
        assertThat(retried.field("stripe_transfer_id")).startsWith("tr_");
        assertThat(reversed.field("status")).isEqualTo("reversal_pending");
        assertThat(reversed.json().get("retry_count").asInt()).isZero();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(as(register())
                        .post("/api/v1/admin/transfers/" + failed + "/retry", null)
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/transfers?status=reversal_pending")
                        .json()
                        .get("items")
                        .toString())
                .contains(reversal.toString());
        assertThat(admin.get("/api/v1/admin/transfers?status=nonsense").status())
                .isEqualTo(400);
    }
}
