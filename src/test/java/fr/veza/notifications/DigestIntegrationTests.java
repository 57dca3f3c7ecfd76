package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMail;
import fr.veza.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The weekly digest through a real SMTP server, its day set to today: the week's unread notifications of digest
 * kinds, grouped, new tracks of followed artists and an artist's plays and likes, in one mail per person and week
 * however many workers run at once or again; nothing for someone with nothing new, with an unconfirmed address, or
 * who leaves no kind to the digest.
 */
class DigestIntegrationTests extends IntegrationTest {

    @Autowired
    List<PeriodicWorker> workers;

    @DynamicPropertySource
    static void digestToday(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
        registry.add(
                "veza.notifications.digest.day",
                () -> LocalDate.now(ZoneOffset.UTC).getDayOfWeek().name());
        registry.add("veza.notifications.digest.hour", () -> "0");
        registry.add("veza.notifications.digest.interval", () -> "1h");
    }

    @Test
    void eachPersonGetsOneDigestAWeekWithWhatIsNew() throws Exception {
        TestUser artist = register("artist");
        TestUser quiet = register("artist");
        TestUser unconfirmed = register("artist");
        confirm(artist);
        confirm(quiet);
        for (int i = 0; i < 3; i++) {
            as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        }
        as(register()).put("/api/v1/users/" + unconfirmed.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> unread(artist) == 3 && unread(unconfirmed) == 1);

        // two instances at once, then a run again: one digest
        CompletableFuture<WorkReport> one = CompletableFuture.supplyAsync(this::runDigest);
        CompletableFuture<WorkReport> two = CompletableFuture.supplyAsync(this::runDigest);
        int sent = one.get().processed() + two.get().processed();
        sent += runDigest().processed();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestMail.to(artist.email(), "Your week on Veza").isEmpty());
        Thread.sleep(500);
        List<MimeMessage> digests = TestMail.to(artist.email(), "Your week on Veza");
        assertThat(digests).hasSize(1);
        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(digests.get(0).getSubject()).isEqualTo("Your week on Veza: 3 new things");
        assertThat(TestMail.part(digests.get(0), "text/plain")).contains("New followers (3)", "followed you");
        assertThat(digests.get(0).getHeader("List-Unsubscribe-Post")).isNotNull();
        assertThat(TestMail.to(quiet.email(), "Your week on Veza"))
                .as("nothing new")
                .isEmpty();
        assertThat(TestMail.to(unconfirmed.email(), "Your week on Veza"))
                .as("unconfirmed")
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_digests WHERE user_id = :id AND state = 'sent'")
                        .param("id", artist.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDigestTellsOfNewTracksFromFollowedArtistsAndAnArtistsWeek() throws Exception {
        TestUser artist = register("artist");
        TestUser follower = register();
        TestUser optedOut = register();
        confirm(artist);
        confirm(follower);
        confirm(optedOut);
        as(follower).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(optedOut).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(optedOut)
                .put(
                        "/api/v1/me/notification-preferences",
                        java.util.Map.of("follower", "off", "like", "off", "comment", "off", "repost", "off"));
        java.util.UUID track = readyTrack(artist, "Harbour Lights", "public");
        readyTrack(artist, "Not for you", "private");
        for (int i = 0; i < 4; i++) {
            jdbc.sql(
                            "INSERT INTO playback_history (user_id, track_id, seconds_played, counted) VALUES (NULL, :t, 60, true)")
                    .param("t", track)
                    .update();
        }
        as(follower).put("/api/v1/tracks/" + track + "/like", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> unread(artist) == 3);

        runDigest();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestMail.to(follower.email(), "Your week on Veza").isEmpty()
                        && !TestMail.to(artist.email(), "Your week on Veza").isEmpty());
        String forFollower =
                TestMail.part(TestMail.to(follower.email(), "Your week on Veza").get(0), "text/plain");
        assertThat(forFollower)
                .contains("New from artists you follow (1):")
                .contains("\u201cHarbour Lights\u201d by " + artist.username())
                .doesNotContain("Not for you");
        String forArtist =
                TestMail.part(TestMail.to(artist.email(), "Your week on Veza").get(0), "text/plain");
        assertThat(forArtist)
                .contains("Your tracks this week: 4 plays and one like.")
                .contains("Likes of your tracks (1)");
        assertThat(TestMail.to(optedOut.email(), "Your week on Veza"))
                .as("no kind left to the digest")
                .isEmpty();
    }

    private void confirm(TestUser user) {
        jdbc.sql("UPDATE users SET email_verified_at = now() WHERE id = :id")
                .param("id", user.id())
                .update();
    }

    private long unread(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :id AND NOT read")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    private WorkReport runDigest() {
        return workers.stream()
                .filter(worker -> worker.name().equals("notification-digest"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
    }
}
