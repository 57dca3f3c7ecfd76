package fr.veza.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.PushReceiver;
import fr.veza.support.TestMail;
import fr.veza.support.TestSales;
import fr.veza.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** GDPR exports: everything about the person and only theirs, built by the worker, mailed, downloaded by the owner. */
class ExportIntegrationTests extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    List<PeriodicWorker> workers;

    @Autowired
    BlobStore blobs;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
    }

    WorkReport buildExports() {
        return workers.stream()
                .filter(w -> w.name().equals("data-export"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
    }

    @Test
    void theArchiveHoldsEveryKindOfDataAboutThePersonAndNothingOfOthers() throws Exception {
        TestUser me = register("artist");
        TestUser other = register("artist");
        as(me).patch("/api/v1/me", Map.of("bio", "my own bio"));
        UUID myTrack = readyTrack(me, "My song", "public");
        byte[] audio = "ID3 pretend audio bytes".getBytes(StandardCharsets.UTF_8);
        blobs.put("tracks/" + myTrack + "/original", new ByteArrayInputStream(audio), audio.length, "audio/mpeg");
        UUID theirTrack = readyTrack(other, "Their secret song", "private");
        UUID theirPublic = readyTrack(other, "Their hit", "public");
        as(me).post("/api/v1/playlists", Map.of("title", "Road trip", "visibility", "private"));
        as(other).post("/api/v1/playlists", Map.of("title", "Their playlist", "visibility", "public"));
        as(me).put("/api/v1/tracks/" + theirPublic + "/like", null);
        as(me).put("/api/v1/users/" + other.id() + "/follow", null);
        as(other).put("/api/v1/users/" + me.id() + "/follow", null);
        String myComment = as(me).post("/api/v1/tracks/" + theirPublic + "/comments", Map.of("body", "my comment"))
                .field("id");
        String theirComment = as(other)
                .post("/api/v1/tracks/" + myTrack + "/comments", Map.of("body", "their comment"))
                .field("id");
        // I report their comment; they report mine and moderators hide it
        as(me).post(
                        "/api/v1/reports",
                        Map.of(
                                "target_type",
                                "comment",
                                "target_id",
                                theirComment,
                                "reason",
                                "spam",
                                "details",
                                "my words"));
        String report = as(other)
                .post("/api/v1/reports", Map.of("target_type", "comment", "target_id", myComment, "reason", "hate"))
                .field("id");
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + report + "/hide", Map.of("note", "hateful"))
                        .status())
                .isEqualTo(200);
        as(me).post("/api/v1/developer/api-keys", Map.of("name", "my key", "scopes", List.of("read")));
        String appPassword = as(me).post("/api/v1/me/app-passwords", Map.of("name", "my player"))
                .field("password");
        UUID album = jdbc.sql("SELECT album_id FROM tracks WHERE id = :id")
                .param("id", theirPublic)
                .query(UUID.class)
                .single();
        assertThat(api().get("/rest/star?f=json&u=" + me.username() + "&p=" + appPassword + "&albumId=al-" + album)
                        .json()
                        .get("subsonic-response")
                        .get("status")
                        .asText())
                .isEqualTo("ok");
        String room = as(me).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", other.id()))
                .field("id");
        as(me).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "my message"));
        as(other).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "their message"));
        as(me).post("/api/v1/gear", Map.of("name", "my synth"));
        PushReceiver browser = PushReceiver.generate();
        as(me).post(
                        "/api/v1/me/push-subscriptions",
                        Map.of(
                                "endpoint",
                                "https://push.example/my-browser",
                                "keys",
                                Map.of("p256dh", browser.p256dh(), "auth", browser.auth())));
        as(me).put("/api/v1/me/push-preferences", Map.of("like", false));
        as(other).post("/api/v1/gear", Map.of("name", "their amp"));
        jdbc.sql("INSERT INTO playback_history (user_id, track_id, seconds_played, counted) VALUES (:me, :t, 42, true)")
                .param("me", me.id())
                .param("t", theirPublic)
                .update();
        UUID bought = TestSales.paidOrder(jdbc, other.id(), me.id(), theirPublic);
        UUID sold = TestSales.paidOrder(jdbc, me.id(), other.id(), myTrack);

        ApiResponse requested = as(me).post("/api/v1/me/export", null);
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.field("status")).isEqualTo("queued");
        String id = requested.field("id");

        assertThat(buildExports().processed()).isGreaterThanOrEqualTo(1);

        JsonNode listed = as(me).get("/api/v1/me/exports").json().get("items").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("status").asText()).isEqualTo("ready");
        assertThat(Instant.parse(listed.get("expires_at").asText()))
                .isAfter(Instant.now().plus(java.time.Duration.ofDays(6)));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> !TestMail.to(me.email(), "export is ready").isEmpty());
        MimeMessage mail = TestMail.to(me.email(), "export is ready").get(0);
        assertThat(mail.getSubject()).contains("export is ready");
        assertThat(mail.getContent().toString()).contains("/api/v1/me/exports/" + id + "/download");

        HttpResponse<byte[]> download = as(me).bytes("/api/v1/me/exports/" + id + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> files = unzip(download.body());

        assertThat(files)
                .containsKeys(
                        "README.txt",
                        "profile.json",
                        "settings.json",
                        "sessions.json",
                        "api_keys.json",
                        "app_passwords.json",
                        "album_stars.json",
                        "tracks.json",
                        "playback_history.json",
                        "playlists.json",
                        "likes.json",
                        "follows.json",
                        "reposts.json",
                        "comments.json",
                        "messages.json",
                        "chat_rooms.json",
                        "gear.json",
                        "notifications.json",
                        "notification_preferences.json",
                        "push_subscriptions.json",
                        "presence.json",
                        "chat_reactions.json",
                        "blocks.json",
                        "orders.json",
                        "purchases.json",
                        "sales.json",
                        "products.json",
                        "webhooks.json",
                        "audit_log.json",
                        "moderation/reports.json",
                        "moderation/decisions.json",
                        "audio/" + myTrack + ".mp3");
        String readme = new String(files.get("README.txt"), StandardCharsets.UTF_8);
        files.keySet().stream()
                .filter(name -> name.endsWith(".json"))
                .forEach(name -> assertThat(readme).contains(name));
        assertThat(files.get("audio/" + myTrack + ".mp3")).isEqualTo(audio);

        assertThat(json(files, "profile.json").get(0).get("email").asText()).isEqualTo(me.email());
        assertThat(json(files, "profile.json").get(0).get("bio").asText()).isEqualTo("my own bio");
        assertThat(text(files, "tracks.json")).contains("My song").doesNotContain("Their secret song");
        assertThat(text(files, "playlists.json")).contains("Road trip").doesNotContain("Their playlist");
        assertThat(json(files, "likes.json").get(0).get("track_id").asText()).isEqualTo(theirPublic.toString());
        assertThat(json(files, "follows.json")).hasSize(2);
        assertThat(text(files, "comments.json")).contains("my comment").doesNotContain("their comment");
        assertThat(text(files, "messages.json")).contains("my message").doesNotContain("their message");
        assertThat(text(files, "gear.json")).contains("my synth").doesNotContain("their amp");
        assertThat(text(files, "chat_rooms.json"))
                .contains(room)
                .contains(other.id().toString());
        assertThat(json(files, "playback_history.json")
                        .get(0)
                        .get("seconds_played")
                        .asInt())
                .isEqualTo(42);
        assertThat(json(files, "api_keys.json").get(0).get("name").asText()).isEqualTo("my key");
        assertThat(text(files, "api_keys.json")).doesNotContain("key_hash");
        assertThat(json(files, "app_passwords.json").get(0).get("name").asText())
                .isEqualTo("my player");
        assertThat(text(files, "app_passwords.json"))
                .doesNotContain(appPassword)
                .doesNotContain("ciphertext");
        assertThat(json(files, "album_stars.json").get(0).get("album_id").asText())
                .isEqualTo(album.toString());
        assertThat(json(files, "orders.json").get(0).get("id").asText()).isEqualTo(bought.toString());
        assertThat(json(files, "orders.json")
                        .get(0)
                        .get("lines")
                        .get(0)
                        .get("price_minor")
                        .asLong())
                .isEqualTo(1000);
        assertThat(json(files, "sales.json").get(0).get("payout_minor").asLong())
                .isEqualTo(900);
        assertThat(text(files, "sales.json"))
                .doesNotContain(other.id().toString())
                .doesNotContain(sold.toString());
        assertThat(json(files, "notifications.json")).isNotEmpty();
        assertThat(text(files, "push_subscriptions.json")).contains("https://push.example/my-browser");
        assertThat(json(files, "notification_preferences.json")
                        .get(0)
                        .get("push")
                        .asBoolean(true))
                .isFalse();
        assertThat(text(files, "notifications.json")).doesNotContain("their comment");
        assertThat(text(files, "sessions.json")).contains("198.51.");
        JsonNode myReports = json(files, "moderation/reports.json");
        assertThat(myReports).hasSize(1);
        assertThat(myReports.get(0).get("target_id").asText()).isEqualTo(theirComment);
        assertThat(myReports.get(0).get("details").asText()).isEqualTo("my words");
        JsonNode aboutMe = json(files, "moderation/decisions.json");
        assertThat(aboutMe).hasSize(1);
        assertThat(aboutMe.get(0).get("action").asText()).isEqualTo("hide");
        assertThat(aboutMe.get(0).get("target_id").asText()).isEqualTo(myComment);
        assertThat(text(files, "moderation/decisions.json"))
                .as("never who reported it nor who decided")
                .doesNotContain(other.id().toString())
                .doesNotContain(admin().id().toString());
        files.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(name)
                .doesNotContain(other.email())
                .doesNotContain(other.username()));
    }

    @Test
    void onlyTheOwnerCanDownloadAndOnlyThreeExportsADay() {
        TestUser me = register();
        String id = as(me).post("/api/v1/me/export", null).field("id");
        assertThat(as(me).get("/api/v1/me/exports/" + id + "/download").code()).isEqualTo("export_not_ready");
        buildExports();

        assertThat(as(register()).get("/api/v1/me/exports/" + id + "/download").status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/me/exports/" + id + "/download").status()).isEqualTo(401);
        assertThat(as(me).post("/api/v1/me/export", null).status()).isEqualTo(202);
        assertThat(as(me).post("/api/v1/me/export", null).status()).isEqualTo(202);

        ApiResponse fourth = as(me).post("/api/v1/me/export", null);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(86_000L, 86_400L);
        assertThat(as(me).get("/api/v1/me/exports").json().get("items")).hasSize(3);
    }

    @Test
    void anExpiredOrClosedAccountsExportStopsWorking() throws IOException {
        TestUser me = register();
        String id = as(me).post("/api/v1/me/export", null).field("id");
        buildExports();
        String key = jdbc.sql("SELECT blob_key FROM data_exports WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(blobs.exists(key)).isTrue();

        ApiResponse closed = as(me).send(
                        "DELETE",
                        "/api/v1/me",
                        "application/json",
                        Api.json(Map.of("password", me.password(), "keep_public_tracks", false)));
        assertThat(closed.status()).isEqualTo(202);

        assertThat(as(me).get("/api/v1/me/exports/" + id + "/download").status())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT status FROM data_exports WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("expired");
        assertThat(blobs.exists(key)).isFalse();
        ApiResponse recovered =
                api().post("/api/v1/auth/recover", Map.of("email", me.email(), "password", me.password()));
        ApiResponse afterRecovery =
                api().bearer(recovered.field("access_token")).get("/api/v1/me/exports/" + id + "/download");
        assertThat(afterRecovery.status()).isEqualTo(410);
        assertThat(afterRecovery.code()).isEqualTo("export_expired");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static JsonNode json(Map<String, byte[]> files, String name) throws IOException {
        return JSON.readTree(files.get(name));
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
