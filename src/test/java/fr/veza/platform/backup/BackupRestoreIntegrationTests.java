package fr.veza.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.TestMedia;
import fr.veza.support.VezaProcesses;
import fr.veza.support.VezaProcesses.Finished;
import fr.veza.support.VezaProcesses.VezaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Veza run as a process on its embedded PostgreSQL, backed up by its worker while it serves, then brought back with
 * {@code restore --from --to} into an empty directory and started there: the accounts, the playable track and the
 * paid order of backup time are all there, and what came after the backup is not.
 */
class BackupRestoreIntegrationTests {

    private final VezaProcesses processes = new VezaProcesses();

    @AfterEach
    void stopEverything() throws Exception {
        processes.close();
    }

    @Test
    void aRestoredDirectoryStartsWithTheUsersTracksAndOrdersOfBackupTime() throws Exception {
        Path dataDir = processes.dataDir("backed-up");
        Path backups = Files.createTempDirectory(Path.of("target"), "backups-").toAbsolutePath();
        Map<String, String> env = Map.of(
                "BACKUP_TARGET",
                backups.toString(),
                "VEZA_ADMIN_EMAIL",
                "admin@example.com",
                "VEZA_ADMIN_PASSWORD",
                VezaProcesses.PASSWORD,
                "FFMPEG_PATH",
                TestMedia.ffmpeg().toAbsolutePath().toString());
        VezaProcess original = processes.start(dataDir, env);
        Api api = original.api();
        String artist = VezaProcesses.signUp(api, "backed-artist", "artist");
        String listener = VezaProcesses.signUp(api, "backed-listener", "listener");
        ApiResponse upload = api.bearer(artist)
                .upload(
                        "/api/v1/tracks",
                        Map.of("file", TestMedia.tone(4, "mp3")),
                        Map.of("title", "Kept in the backup", "visibility", "public"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        String track = upload.field("id");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "ready".equals(api.get("/api/v1/tracks/" + track).field("status")));
        String order = paidOrder(api, artist, listener, track);
        String admin = VezaProcesses.login(api, "admin@example.com");

        ApiResponse backup = api.bearer(admin).post("/api/v1/admin/workers/backup/run", null);

        assertThat(backup.status()).as(backup.toString()).isEqualTo(200);
        assertThat(backup.json().get("failed").asInt())
                .as(String.join(
                        "\n",
                        original.output().stream()
                                .filter(line -> line.contains("backup"))
                                .toList()))
                .isZero();
        assertThat(backup.json().get("processed").asInt()).isPositive();
        assertThat(original.output())
                .anyMatch(line -> line.contains("backup target=") && line.contains("complete=true"));
        try (var archives = Files.list(backups.resolve("database"))) {
            assertThat(archives.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.endsWith(".zip.sha256"));
        }
        // made after the backup: a restore brings back the backup's moment, not this
        ApiResponse later = api.bearer(listener).post("/api/v1/playlists", Map.of("title", "After the backup"));
        assertThat(later.status()).isEqualTo(201);
        original.stop();

        Path restored = processes.dataDir("restored");
        Finished restore = VezaProcesses.command(
                List.of("restore", "--from", backups.toString(), "--to", restored.toString()), Map.of());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("database restored from").contains("checksum mismatches=0");

        Finished again = VezaProcesses.command(
                List.of("restore", "--from", backups.toString(), "--to", restored.toString()), Map.of());
        assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("is not empty; --force replaces");

        VezaProcess revived = processes.start(restored, env);
        Api back = revived.api();
        String artistAgain = VezaProcesses.login(back, "backed-artist");
        String listenerAgain = VezaProcesses.login(back, "backed-listener");
        assertThat(back.get("/api/v1/tracks/" + track).field("status")).isEqualTo("ready");
        assertPlayable(back, track);
        ApiResponse kept = back.bearer(listenerAgain).get("/api/v1/marketplace/orders/" + order);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.field("status")).isEqualTo("completed");
        assertThat(back.bearer(artistAgain)
                        .get("/api/v1/tracks/" + track + "/original")
                        .status())
                .isEqualTo(200);
        assertThat(back.bearer(listenerAgain)
                        .get("/api/v1/playlists/" + later.field("id"))
                        .status())
                .isEqualTo(404);
        ApiResponse workers =
                back.bearer(VezaProcesses.login(back, "admin@example.com")).get("/api/v1/admin/workers");
        assertThat(workers.text()).contains("\"backup\"");
    }

    @Test
    void restoreRefusesWhatIsNotABackupAndSaysHowItIsCalled() throws Exception {
        Path empty =
                Files.createTempDirectory(Path.of("target"), "not-a-backup-").toAbsolutePath();
        Path to = Files.createTempDirectory(Path.of("target"), "restore-to-").toAbsolutePath();

        Finished notABackup =
                VezaProcesses.command(List.of("restore", "--from", empty.toString(), "--to", to.toString()), Map.of());
        Finished usage = VezaProcesses.command(List.of("restore", "--from", empty.toString()), Map.of());

        assertThat(notABackup.exitCode()).isEqualTo(1);
        assertThat(notABackup.output()).contains("no Veza backup at");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("usage: java -jar veza.jar restore --from <BACKUP_TARGET> --to <data dir>");
        try (var left = Files.list(to)) {
            assertThat(left).isEmpty();
        }
    }

    private static void assertPlayable(Api api, String track) {
        String master = api.get("/api/v1/tracks/" + track + "/hls/master.m3u8").text();
        String variant = api.get(uris(master).get(0)).text();
        var segment = api.bytes(uris(variant).get(0));
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body().length).isPositive();
    }

    private static List<String> uris(String playlist) {
        return Arrays.stream(playlist.split("\n"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.startsWith("http") ? line.substring(line.indexOf("/api/")) : line)
                .toList();
    }

    private static String paidOrder(Api api, String artist, String listener, String track) {
        assertThat(api.bearer(artist).post("/api/v1/sellers/onboarding", null).status())
                .isEqualTo(200);
        ApiResponse product = api.bearer(artist)
                .post(
                        "/api/v1/marketplace/products",
                        Map.of(
                                "track_id",
                                track,
                                "kind",
                                "download",
                                "price",
                                Map.of("amount", 700, "currency", "EUR")));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        ApiResponse order = api.bearer(listener)
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product.field("id"))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String settle = order.json().get("payment").get("sandbox_settle_url").asText();
        ApiResponse paid =
                api.post(settle.startsWith("http") ? settle.substring(settle.indexOf("/api/")) : settle, null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        String orderId = order.field("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "completed"
                        .equals(api.bearer(listener)
                                .get("/api/v1/marketplace/orders/" + orderId)
                                .field("status")));
        return orderId;
    }
}
