package fr.veza.marketplace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily sweep of the webhook log: old rows go, recent ones stay, and a shutdown stops it at once. */
class WebhookLogRetentionIntegrationTests extends IntegrationTest {

    @Autowired
    WebhookLogRetentionWorker worker;

    @Test
    void rowsOlderThanTheRetentionAreDeletedAndRecentOnesKept() {
        String marker = "retention-" + UUID.randomUUID();
        seed(marker, 3, "100 days");
        seed(marker, 2, "10 days");

        worker.run(new WorkerRun(Instant.now(), () -> false));

        assertThat(count(marker)).isEqualTo(2);
        worker.run(new WorkerRun(Instant.now(), () -> false));
        assertThat(count(marker)).isEqualTo(2);
    }

    @Test
    void aShutdownStopsTheSweepBeforeItDeletes() {
        String marker = "retention-" + UUID.randomUUID();
        seed(marker, 3, "200 days");

        worker.run(new WorkerRun(Instant.now(), () -> true));

        assertThat(count(marker)).isEqualTo(3);
        worker.run(new WorkerRun(Instant.now(), () -> false));
        assertThat(count(marker)).isZero();
    }

    @Test
    void zeroOrLessMeansTheDefaultOfNinetyDays() {
        assertThat(settings(0).effectiveWebhookLogRetentionDays()).isEqualTo(90);
        assertThat(settings(-3).effectiveWebhookLogRetentionDays()).isEqualTo(90);
        assertThat(settings(7).effectiveWebhookLogRetentionDays()).isEqualTo(7);
    }

    private static MarketplaceSettings settings(int days) {
        return new MarketplaceSettings(null, null, days, null, null, null, null, null, null);
    }

    private void seed(String marker, int rows, String age) {
        jdbc.sql("INSERT INTO hyperswitch_webhook_log (payload, signature_valid, processing_result, request_id,"
                        + " received_at) SELECT '{}', TRUE, 'ok', :marker, now() - CAST(:age AS interval)"
                        + " FROM generate_series(1, :rows)")
                .param("marker", marker)
                .param("age", age)
                .param("rows", rows)
                .update();
    }

    private long count(String marker) {
        return jdbc.sql("SELECT count(*) FROM hyperswitch_webhook_log WHERE request_id = :m")
                .param("m", marker)
                .query(Long.class)
                .single();
    }
}
