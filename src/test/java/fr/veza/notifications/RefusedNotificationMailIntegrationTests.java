package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.FreePorts;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that refuses (here: nobody listens on its port) loses no notification mail: the send is tried again
 * after a backoff, counted as failed in the worker's report (the veza.worker.failed metric), and given up only after
 * NOTIFICATION_MAIL_MAX_ATTEMPTS.
 */
class RefusedNotificationMailIntegrationTests extends IntegrationTest {

    @Autowired
    List<PeriodicWorker> workers;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        int closed = FreePorts.next();
        registry.add("veza.mail.host", () -> "127.0.0.1");
        registry.add("veza.mail.port", () -> closed);
        registry.add("veza.mail.start-tls", () -> "false");
        registry.add("veza.notifications.mail.max-attempts", () -> "2");
        // only the test runs the worker here
        registry.add("veza.notifications.mail.interval", () -> "1h");
    }

    @Test
    void aRefusedSendIsRetriedWithBackoffThenGivenUp() {
        // what earlier tests on the shared database left due is handled (and put off) first, so the counts below
        // are this test's person's alone
        runMailWorker();
        TestUser artist = register("artist");
        jdbc.sql("UPDATE users SET email_verified_at = now() WHERE id = :id")
                .param("id", artist.id())
                .update();
        as(artist).put("/api/v1/me/notification-preferences", Map.of("follower", "instant"));
        as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(artist) != null);

        WorkReport first = runMailWorker();
        assertThat(first.failed()).isEqualTo(1);
        assertThat(state(artist)).isEqualTo("pending");
        Instant retryAt = jdbc.sql("SELECT mail_due_at FROM notifications WHERE user_id = :id")
                .param("id", artist.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(Duration.between(Instant.now(), retryAt)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(runMailWorker().failed()).as("not before its backoff").isZero();

        jdbc.sql("UPDATE notifications SET mail_due_at = now() - interval '1 second' WHERE user_id = :id")
                .param("id", artist.id())
                .update();
        assertThat(runMailWorker().failed()).isEqualTo(1);
        assertThat(state(artist)).as("given up after the last attempt").isEqualTo("failed");
    }

    private String state(TestUser user) {
        return jdbc.sql("SELECT mail_state FROM notifications WHERE user_id = :id")
                .param("id", user.id())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private WorkReport runMailWorker() {
        return workers.stream()
                .filter(worker -> worker.name().equals("notification-mail"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
    }
}
