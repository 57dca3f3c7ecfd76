package fr.veza.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMail;
import fr.veza.support.TestSales;
import fr.veza.support.TestUser;
import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Notice, takedown, counter-notice, restoration after the waiting period (the clock moved forward), strikes. */
class DmcaIntegrationTests extends IntegrationTest {

    @Autowired
    List<PeriodicWorker> workers;

    @Autowired
    BlobStore blobs;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
        registry.add("veza.legal.agent-name", () -> "Jane Agent");
    }

    static Map<String, Object> notice(UUID track, String claimantEmail) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("claimant_name", "Rights Holder Ltd");
        notice.put("claimant_address", "1 Music Row, Nashville TN");
        notice.put("claimant_email", claimantEmail);
        notice.put("claimant_phone", "+1 615 555 0100");
        notice.put("copyrighted_work", "Original Song (2021)");
        notice.put("track_id", track);
        notice.put("good_faith_statement", true);
        notice.put("accuracy_statement", true);
        notice.put("signature", "R. Holder");
        return notice;
    }

    static Map<String, Object> counterNotice() {
        return Map.of(
                "name", "The Artist",
                "address", "2 Side Street, Austin TX",
                "phone", "+1 512 555 0199",
                "email", "artist@example.com",
                "statement_of_good_faith_mistake", true,
                "consent_to_jurisdiction", true,
                "signature", "The Artist");
    }

    WorkReport restorationAt(Instant now) {
        return workers.stream()
                .filter(w -> w.name().equals("dmca-restoration"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(now, () -> false));
    }

    String file(UUID track, String claimantEmail) {
        ApiResponse filed = api().post("/api/v1/dmca/notice", notice(track, claimantEmail));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.field("id");
    }

    int audited(String action, String noticeId) {
        return jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = :action AND target_id = :id")
                .param("action", action)
                .param("id", UUID.fromString(noticeId))
                .query(Integer.class)
                .single();
    }

    @Test
    void theDmcaPageNamesTheAgentAndThePolicy() {
        ApiResponse page = api().get("/legal/dmca");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text())
                .contains("Jane Agent")
                .contains("Repeat infringers")
                .contains("counter-notice")
                // BACKUP_RETENTION 30 days, plus a daily run to see the deletion and one to remove it
                .contains("leaves Veza&#39;s backups within 32 days");
    }

    @Test
    void aNoticeMissingAnElementIsRefusedAndStoresNothing() {
        int before = jdbc.sql("SELECT count(*) FROM dmca_notices")
                .query(Integer.class)
                .single();
        Map<String, Object> incomplete = notice(null, "claims@example.com");
        incomplete.remove("signature");
        incomplete.put("accuracy_statement", false);

        ApiResponse refused = api().post("/api/v1/dmca/notice", incomplete);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.text())
                .contains("signature")
                .contains("accuracy_statement")
                .contains("track_named");
        assertThat(jdbc.sql("SELECT count(*) FROM dmca_notices")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anonymousNoticesAreRateLimitedPerAddress() {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Busy", "public");
        Api claimant = api();
        for (int i = 0; i < 5; i++) {
            assertThat(claimant.post("/api/v1/dmca/notice", notice(track, "many@example.com"))
                            .status())
                    .isEqualTo(201);
        }
        ApiResponse sixth = claimant.post("/api/v1/dmca/notice", notice(track, "many@example.com"));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isNotNull();
    }

    @Test
    void takedownCounterNoticeAndRestorationAfterTenBusinessDays() throws Exception {
        TestUser artist = register("artist");
        TestUser buyer = register();
        TestUser admin = admin();
        UUID track = readyTrack(artist, "Disputed", "unlisted");
        blobs.put("tracks/" + track + "/original", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "audio/mpeg");
        TestSales.paidOrder(jdbc, artist.id(), buyer.id(), track);
        assertThat(as(buyer).bytes("/api/v1/tracks/" + track + "/original").statusCode())
                .isEqualTo(200);
        String claimant = "claims-" + UUID.randomUUID() + "@example.com";

        ApiResponse filed = api().post("/api/v1/dmca/notice", notice(track, claimant));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.field("reference")).matches("DMCA-\\d{4}-[A-Z2-9]{8}");
        String id = filed.field("id");
        assertThat(as(artist).get("/api/v1/admin/dmca/notices").status()).isEqualTo(403);
        assertThat(as(admin).get("/api/v1/admin/dmca/notices?status=received").text())
                .contains(id);

        ApiResponse takenDown = as(admin).post("/api/v1/admin/dmca/notices/" + id + "/takedown", null);
        assertThat(takenDown.status()).isEqualTo(200);
        assertThat(takenDown.field("status")).isEqualTo("taken_down");
        assertThat(api().get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(as(buyer).bytes("/api/v1/tracks/" + track + "/original").statusCode())
                .isEqualTo(404);
        assertThat(as(artist).get("/api/v1/tracks/" + track).status())
                .as("the owner still sees it")
                .isEqualTo(200);
        // the owner's own change while down is what comes back on restoration
        as(artist).patch("/api/v1/tracks/" + track, Map.of("visibility", "public"));
        assertThat(api().get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(as(admin)
                        .post("/api/v1/admin/dmca/notices/" + id + "/takedown", null)
                        .status())
                .isEqualTo(409);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TestMail.to(artist.email(), "taken down").isEmpty());
        assertThat(TestMail.to(artist.email(), "taken down").get(0).getSubject())
                .contains("taken down");

        assertThat(as(buyer)
                        .post("/api/v1/dmca/notices/" + id + "/counter-notice", counterNotice())
                        .status())
                .as("only the uploader may counter")
                .isEqualTo(404);
        ApiResponse countered = as(artist).post("/api/v1/dmca/notices/" + id + "/counter-notice", counterNotice());
        assertThat(countered.status()).isEqualTo(200);
        assertThat(countered.field("status")).isEqualTo("counter_noticed");
        Instant restoreAfter = Instant.parse(countered.field("restore_after"));
        assertThat(Duration.between(Instant.now(), restoreAfter)).isBetween(Duration.ofDays(13), Duration.ofDays(15));
        assertThat(restoreAfter.atZone(ZoneOffset.UTC).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TestMail.to(claimant).isEmpty());
        assertThat(TestMail.to(claimant).get(0).getContent().toString())
                .contains("2 Side Street, Austin TX")
                .contains(filed.field("reference"));

        restorationAt(restoreAfter.minusSeconds(60));
        assertThat(api().get("/api/v1/tracks/" + track).status())
                .as("not before the period ends")
                .isEqualTo(404);

        assertThat(restorationAt(restoreAfter.plusSeconds(1)).processed()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/v1/tracks/" + track).json().get("visibility").asText())
                .isEqualTo("public");
        assertThat(as(buyer).bytes("/api/v1/tracks/" + track + "/original").statusCode())
                .isEqualTo(200);
        assertThat(as(admin).get("/api/v1/admin/dmca/notices/" + id).field("status"))
                .isEqualTo("restored");
        assertThat(jdbc.sql("SELECT lifted_at IS NOT NULL FROM dmca_strikes WHERE notice_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        for (String step : List.of("dmca.notice_received", "dmca.takedown", "dmca.counter_notice", "dmca.restored")) {
            assertThat(audited(step, id)).as(step).isEqualTo(1);
        }
    }

    @Test
    void aCourtActionKeepsTheTrackDownAndARejectedNoticeChangesNothing() {
        TestUser artist = register("artist");
        TestUser admin = admin();
        UUID track = readyTrack(artist, "In court", "public");
        UUID other = readyTrack(artist, "Fine", "public");
        String id = file(track, "court@example.com");
        as(admin).post("/api/v1/admin/dmca/notices/" + id + "/takedown", null);
        ApiResponse countered = as(artist).post("/api/v1/dmca/notices/" + id + "/counter-notice", counterNotice());
        Instant restoreAfter = Instant.parse(countered.field("restore_after"));

        assertThat(as(admin)
                        .post("/api/v1/admin/dmca/notices/" + id + "/court-action", null)
                        .status())
                .isEqualTo(200);
        restorationAt(restoreAfter.plus(Duration.ofDays(30)));
        assertThat(api().get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(audited("dmca.court_action", id)).isEqualTo(1);

        String rejected = file(other, "wrong@example.com");
        ApiResponse rejection = as(admin)
                .post("/api/v1/admin/dmca/notices/" + rejected + "/reject", Map.of("reason", "not a copyright claim"));
        assertThat(rejection.field("status")).isEqualTo("rejected");
        assertThat(api().get("/api/v1/tracks/" + other).status()).isEqualTo(200);
        assertThat(audited("dmca.rejected", rejected)).isEqualTo(1);
    }

    @Test
    void threeUpheldStrikesSuspendTheAccountUntilACounterNoticeRestoresOne() {
        TestUser artist = register("artist");
        TestUser admin = admin();
        UUID kept = readyTrack(artist, "Untouched", "public");
        String third = null;
        for (int i = 0; i < 3; i++) {
            UUID track = readyTrack(artist, "Copy " + i, "public");
            String id = file(track, "strikes@example.com");
            third = id;
            assertThat(as(admin)
                            .post("/api/v1/admin/dmca/notices/" + id + "/takedown", null)
                            .status())
                    .isEqualTo(200);
            if (i < 2) {
                assertThat(as(artist).get("/api/v1/me").status()).isEqualTo(200);
            }
        }

        assertThat(api().post("/api/v1/auth/login", Map.of("login", artist.email(), "password", artist.password()))
                        .code())
                .isEqualTo("account_suspended");
        assertThat(as(artist).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/tracks?limit=100").text()).doesNotContain(kept.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'dmca.repeat_infringer_suspended'"
                                + " AND target_id = :id")
                        .param("id", artist.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // suspended, the uploader answers by mail to the agent, who enters the counter-notice
        assertThat(as(artist)
                        .post("/api/v1/dmca/notices/" + third + "/counter-notice", counterNotice())
                        .status())
                .isEqualTo(401);
        ApiResponse entered =
                as(admin).post("/api/v1/admin/dmca/notices/" + third + "/counter-notice", counterNotice());
        assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
        assertThat(entered.field("status")).isEqualTo("counter_noticed");
        assertThat(jdbc.sql("SELECT details->>'entered_by' FROM audit_logs WHERE action = 'dmca.counter_notice'"
                                + " AND target_id = :id")
                        .param("id", UUID.fromString(third))
                        .query(String.class)
                        .single())
                .isEqualTo("admin");

        restorationAt(Instant.parse(entered.field("restore_after")).plusSeconds(1));

        assertThat(api().post("/api/v1/auth/login", Map.of("login", artist.email(), "password", artist.password()))
                        .status())
                .as("two upheld strikes: no longer a repeat infringer")
                .isEqualTo(200);
        assertThat(api().get("/api/v1/tracks/" + kept).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'dmca.repeat_infringer_reinstated'"
                                + " AND target_id = :id")
                        .param("id", artist.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(restorationAt(Instant.parse(entered.field("restore_after")).plusSeconds(2))
                        .processed())
                .as("a second run restores nothing more")
                .isZero();
    }
}
