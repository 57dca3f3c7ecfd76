package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMail;
import fr.veza.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notification mail through a real SMTP server: a burst of likes chosen "at once" makes one mail, never a second for
 * the same notifications however often the worker runs; a kind left to the digest or off, and an unconfirmed
 * address, get none; the mail's one-click unsubscribe works without a session, as RFC 8058 asks.
 */
class NotificationMailIntegrationTests extends IntegrationTest {

    @Autowired
    List<PeriodicWorker> workers;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
    }

    @Test
    void aBurstOfLikesIsOneMailWithAOneClickUnsubscribe() throws Exception {
        TestUser artist = register("artist");
        verify(artist);
        assertThat(as(artist)
                        .get("/api/v1/me/notification-preferences")
                        .json()
                        .get("like")
                        .asText())
                .as("social activity goes to the digest by default")
                .isEqualTo("digest");
        ApiResponse chosen = as(artist).put("/api/v1/me/notification-preferences", Map.of("like", "instant"));
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json().get("like").asText()).isEqualTo("instant");
        assertThat(as(artist)
                        .put("/api/v1/me/notification-preferences", Map.of("like", "loud"))
                        .status())
                .isEqualTo(400);

        UUID track = readyTrack(artist, "Glass Harbour", "public");
        for (int i = 0; i < 5; i++) {
            assertThat(as(register())
                            .put("/api/v1/tracks/" + track + "/like", null)
                            .status())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf(artist) == 5);
        WorkReport first = runMailWorker();
        WorkReport second = runMailWorker();
        assertThat(first.processed()).isGreaterThanOrEqualTo(1);
        assertThat(second.failed()).isZero();

        List<MimeMessage> mails = TestMail.to(artist.email(), "new things on Veza");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("5 new things on Veza");
        String text = TestMail.part(mail, "text/plain");
        assertThat(text.split("liked \u201cGlass Harbour\u201d", -1)).hasSize(6);
        assertThat(TestMail.part(mail, "text/html")).contains("Glass Harbour");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(unsubscribe).contains("/unsubscribe/" + artist.id() + "/like?exp=");

        // opening the link only asks; a mail client's one-click POST, with no session and no CSRF token, decides
        String local = "http://localhost:" + port + unsubscribe.substring(unsubscribe.indexOf("/unsubscribe/"));
        HttpResponse<String> opened = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(local))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Stop mails about Likes of your tracks?");
        assertThat(as(artist)
                        .get("/api/v1/me/notification-preferences")
                        .json()
                        .get("like")
                        .asText())
                .isEqualTo("instant");
        HttpResponse<String> clicked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(local))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(as(artist)
                        .get("/api/v1/me/notification-preferences")
                        .json()
                        .get("like")
                        .asText())
                .isEqualTo("off");
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(local.replace("/like?", "/sale?")))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("the signature covers the kind").isEqualTo(404);
        assertThat(as(artist)
                        .get("/api/v1/me/notification-preferences")
                        .json()
                        .get("sale")
                        .asText())
                .isEqualTo("instant");
    }

    @Test
    void theDigestKindsAndUnconfirmedAddressesGetNoInstantMail() throws Exception {
        TestUser verified = register("artist");
        verify(verified);
        TestUser unverified = register("artist");
        as(unverified).put("/api/v1/me/notification-preferences", Map.of("follower", "instant"));
        as(register()).put("/api/v1/users/" + verified.id() + "/follow", null);
        as(register()).put("/api/v1/users/" + unverified.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notificationsOf(verified) == 1 && notificationsOf(unverified) == 1);
        runMailWorker();
        assertThat(TestMail.to(verified.email(), "followed you"))
                .as("followers: digest by default")
                .isEmpty();
        assertThat(TestMail.to(unverified.email(), "followed you"))
                .as("address not confirmed")
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id IN (:a, :b) AND mail_state = 'skipped'")
                        .param("a", verified.id())
                        .param("b", unverified.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private void verify(TestUser user) {
        jdbc.sql("UPDATE users SET email_verified_at = now() WHERE id = :id")
                .param("id", user.id())
                .update();
    }

    private long notificationsOf(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    private WorkReport runMailWorker() {
        return workers.stream()
                .filter(worker -> worker.name().equals("notification-mail"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
    }
}
