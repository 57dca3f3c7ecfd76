package fr.veza.marketplace.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.worker.WorkReport;
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

/**
 * Orders nobody paid, against Hyperswitch's API served by WireMock: the payment is cancelled and the order fails;
 * a payment that settled meanwhile, or a cancellation the provider refuses, is the provider's word.
 */
class OrderExpiryIntegrationTests extends MarketplaceTest {

    private static final Duration ABANDONED = Duration.ofHours(25);

    @Autowired
    OrderExpiryWorker worker;

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        TestUser seller = register("artist");
        ledger = new Ledger(jdbc, register().id(), seller.id(), readyTrack(seller, "For sale", "public"));
    }

    @Test
    void anUnpaidOrderHasItsPaymentCancelledAndFails() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, ABANDONED).order();
        providerSays(payment, "requires_payment_method");
        TestProviders.client()
                .register(post(urlPathEqualTo("/payments/" + payment + "/cancel"))
                        .withRequestBody(equalToJson("{\"cancellation_reason\": \"abandoned\"}"))
                        .willReturn(json(payment, "cancelled")));

        WorkReport report = run();

        assertThat(report.processed()).isEqualTo(1);
        assertThat(ledger.value("orders", order, "status")).isEqualTo("failed");
        assertThat(ledger.value("orders", order, "failure_reason")).startsWith("abandoned");
        TestProviders.client().verifyThat(1, postRequestedFor(urlPathEqualTo("/payments/" + payment + "/cancel")));
        assertThat(run()).as("nothing left to end").isEqualTo(new WorkReport(0, 0));
    }

    @Test
    void aRecentOrderIsLeftToItsBuyer() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, Duration.ofHours(2)).order();

        assertThat(run()).isEqualTo(new WorkReport(0, 0));

        assertThat(ledger.value("orders", order, "status")).isEqualTo("pending");
        TestProviders.client().verifyThat(0, postRequestedFor(urlPathEqualTo("/payments/" + payment + "/cancel")));
    }

    @Test
    void aPaymentThatSucceededMeanwhileCompletesTheOrderInstead() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, ABANDONED).order();
        providerSays(payment, "succeeded");

        run();

        assertThat(ledger.value("orders", order, "status")).isEqualTo("completed");
        TestProviders.client().verifyThat(0, postRequestedFor(urlPathEqualTo("/payments/" + payment + "/cancel")));
    }

    @Test
    void aRefusedCancellationLeavesTheOrderForTheNextRun() {
        String payment = paymentId();
        UUID order = ledger.order("pending", payment, ABANDONED).order();
        providerSays(payment, "processing");
        TestProviders.client()
                .register(post(urlPathEqualTo("/payments/" + payment + "/cancel"))
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\": {\"code\": \"IR_16\", \"message\": \"not cancellable\"}}")));

        assertThat(run().failed()).isEqualTo(1);
        assertThat(ledger.value("orders", order, "status")).isEqualTo("pending");

        providerSays(payment, "succeeded");
        assertThat(run().processed()).isEqualTo(1);
        assertThat(ledger.value("orders", order, "status")).isEqualTo("completed");
    }

    /** The crash before the provider was asked: no payment exists under the id the order would have had. */
    @Test
    void anOrderWhosePaymentWasNeverCreatedFails() {
        UUID order = ledger.order("pending", null, ABANDONED).order();

        assertThat(run().processed()).isEqualTo(1);

        assertThat(ledger.value("orders", order, "status")).isEqualTo("failed");
        assertThat(ledger.value("orders", order, "failure_reason")).contains("no payment was created");
    }

    /** The crash after the provider created the payment and before the order recorded it. */
    @Test
    void aPaymentCreatedButNeverRecordedIsFoundByTheIdTheOrderWouldHaveHad() {
        UUID order = ledger.order("pending", null, ABANDONED).order();
        String payment = OrderService.paymentId(ledger.buyer(), order.toString());
        providerSays(payment, "requires_payment_method");
        TestProviders.client()
                .register(post(urlPathEqualTo("/payments/" + payment + "/cancel"))
                        .willReturn(json(payment, "cancelled")));

        run();

        assertThat(ledger.value("orders", order, "payment_id")).isEqualTo(payment);
        assertThat(ledger.value("orders", order, "status")).isEqualTo("failed");
    }

    private WorkReport run() {
        return worker.run(new WorkerRun(Instant.now(), () -> false));
    }

    private static void providerSays(String payment, String status) {
        TestProviders.client()
                .register(get(urlPathEqualTo("/payments/" + payment)).willReturn(json(payment, status)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
            String payment, String status) {
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"payment_id\": \"" + payment + "\", \"status\": \"" + status + "\"}");
    }

    private static String paymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}
