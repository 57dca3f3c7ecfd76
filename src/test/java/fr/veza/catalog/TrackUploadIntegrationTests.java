package fr.veza.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestSales;
import fr.veza.support.TestUser;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TrackUploadIntegrationTests extends CatalogTest {

    @Autowired
    List<PeriodicWorker> workers;

    @Test
    void anUploadedMp3BecomesHlsWhoseSegmentsAddUpToTheTrack() {
        TestUser artist = register("artist");
        ApiResponse accepted = upload(
                artist,
                TestMedia.tone(20, "mp3"),
                TestMedia.coverPng(),
                Map.of("title", "Twenty Seconds", "tags", "Ambient, drone", "genre", "Ambient"));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.field("status")).isEqualTo("processing");
        assertThat(accepted.header("Location")).endsWith(accepted.field("id"));
        ApiResponse track = awaitProcessed(artist, accepted.field("id"));

        assertThat(track.field("status")).as(track.toString()).isEqualTo("ready");
        assertThat(track.json().get("duration_ms").asLong()).isCloseTo(20_000L, within(150L));
        assertThat(track.json().get("tags").toString()).isEqualTo("[\"ambient\",\"drone\"]");
        assertThat(track.json().get("source_tags").get("title").asText()).isEqualTo("Test Tone");
        assertThat(track.json().get("original").get("codec").asText()).isEqualTo("mp3");

        Api anonymous = api();
        ApiResponse master = anonymous.get(track.field("stream_url"));
        assertThat(master.status()).isEqualTo(200);
        assertThat(master.contentType()).startsWith("application/vnd.apple.mpegurl");
        assertThat(master.header("Cache-Control")).contains("no-store");
        List<String> variants = uris(master.text());
        assertThat(variants).hasSize(2).allMatch(uri -> uri.contains("&sig="));
        assertThat(master.text()).contains("CODECS=\"mp4a.40.2\"").contains("BANDWIDTH=");

        for (String variantUri : variants) {
            ApiResponse variant = anonymous.get(variantUri);
            assertThat(variant.status()).isEqualTo(200);
            assertThat(variant.text()).contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");
            int target = Integer.parseInt(line(variant.text(), "#EXT-X-TARGETDURATION:"));
            List<BigDecimal> durations = durations(variant.text());
            assertThat(durations).hasSize(4).allMatch(d -> d.doubleValue() <= target);
            assertThat(durations.stream().mapToDouble(BigDecimal::doubleValue).sum())
                    .isCloseTo(20.0, within(0.2));
            for (String segmentUri : uris(variant.text())) {
                HttpResponse<byte[]> segment = anonymous.bytes(segmentUri);
                assertThat(segment.statusCode()).isEqualTo(200);
                assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp2t");
                assertThat(segment.body()[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM track_segments WHERE track_id = :id")
                        .param("id", UUID.fromString(track.field("id")))
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
    }

    @Test
    void segmentsServeByteRanges() {
        TestUser artist = register("artist");
        ApiResponse track = uploadAndProcess(artist, TestMedia.tone(4, "mp3"), Map.of("title", "Ranges"));
        Api client = api();
        String variant = uris(client.get(track.field("stream_url")).text()).get(0);
        String segment = uris(client.get(variant).text()).get(0);
        byte[] whole = client.bytes(segment).body();

        HttpResponse<byte[]> partial = client.bytes(segment, "Range", "bytes=100-199");
        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + whole.length);
        assertThat(partial.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));

        HttpResponse<byte[]> tail = client.bytes(segment, "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 10, whole.length));

        HttpResponse<byte[]> beyond = client.bytes(segment, "Range", "bytes=" + (whole.length + 10) + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);

        HttpResponse<byte[]> cached = client.bytes(
                segment, "If-None-Match", partial.headers().firstValue("ETag").orElseThrow());
        assertThat(cached.statusCode()).isEqualTo(304);
    }

    @Test
    void everyAcceptedFormatIsProcessed() {
        TestUser artist = register("artist");
        List<String> ids = new ArrayList<>();
        for (String format : List.of("flac", "wav", "ogg", "m4a")) {
            ApiResponse uploaded = upload(artist, TestMedia.tone(3, format), Map.of("title", "Tone " + format));
            assertThat(uploaded.status()).as(format + ": " + uploaded).isEqualTo(202);
            ids.add(uploaded.field("id"));
        }
        for (String id : ids) {
            ApiResponse track = awaitProcessed(artist, id);
            assertThat(track.field("status")).as(track.toString()).isEqualTo("ready");
            assertThat(track.json().get("duration_ms").asLong()).isCloseTo(3_000L, within(150L));
        }
    }

    @Test
    void aFakeMp3IsRefusedWith415AndNothingIsStored() {
        TestUser artist = register("artist");
        long before = tracksOf(artist);

        ApiResponse response =
                upload(artist, TestMedia.text("not-audio.mp3", "ID4 this is only text"), Map.of("title", "Fake"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("unsupported_media_type");
        assertThat(response.field("detail")).contains("MP3, FLAC, WAV");
        assertThat(tracksOf(artist)).isEqualTo(before);
    }

    @Test
    void aCoverThatIsNotAnImageIsRefused() {
        TestUser artist = register("artist");
        ApiResponse response = upload(
                artist,
                TestMedia.tone(3, "mp3"),
                TestMedia.text("svg-pretending.png", "<svg/>"),
                Map.of("title", "Bad cover"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("cover");
        assertThat(tracksOf(artist)).isZero();
    }

    @Test
    void anUploadOverTheCapIsA413() {
        TestUser artist = register("artist");
        ApiResponse response = upload(
                artist, TestMedia.randomBytes("big.mp3", 5 * 1024 * 1024 + 512 * 1024), Map.of("title", "Too big"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("payload_too_large");
        assertThat(tracksOf(artist)).isZero();
    }

    @Test
    void aListenerCannotUpload() {
        TestUser listener = register();
        ApiResponse response = upload(listener, TestMedia.tone(3, "mp3"), Map.of("title", "Nope"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(tracksOf(listener)).isZero();
    }

    @Test
    void missingOrInvalidFieldsAreNamed() {
        TestUser artist = register("artist");
        ApiResponse response = upload(artist, TestMedia.tone(3, "mp3"), Map.of("visibility", "friends-only"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().findValuesAsText("field")).containsExactlyInAnyOrder("title", "visibility");
        ApiResponse noFile = as(artist).upload("/api/v1/tracks", Map.of(), Map.of("title", "No file"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().findValuesAsText("field")).containsExactly("file");
        assertThat(tracksOf(artist)).isZero();
    }

    @Test
    void aFileThatIsNotReallyAudioFailsWithAReasonForItsOwner() {
        TestUser artist = register("artist");
        ApiResponse track = uploadAndProcess(artist, TestMedia.corruptMp3(), Map.of("title", "Broken"));

        assertThat(track.field("status")).isEqualTo("failed");
        assertThat(track.field("status_message")).contains("could not be read as audio");
        assertThat(track.field("stream_url")).isNull();
        assertThat(api().get("/api/v1/tracks/" + track.field("id")).status()).isEqualTo(404);
    }

    @Test
    void listensArePlaysOnceTheyPassTheThreshold() {
        TestUser artist = register("artist");
        TestUser fan = register();
        ApiResponse track = uploadAndProcess(artist, TestMedia.tone(4, "mp3"), Map.of("title", "Short one"));
        String plays = "/api/v1/tracks/" + track.field("id") + "/plays";

        ApiResponse skipped = as(fan).post(plays, Map.of("seconds_played", 1));
        ApiResponse heard = as(fan).post(plays, Map.of("seconds_played", 3));
        ApiResponse anonymous = api().post(plays, Map.of("seconds_played", 4));

        assertThat(skipped.status()).isEqualTo(202);
        assertThat(skipped.json().get("counted").asBoolean()).isFalse();
        assertThat(heard.json().get("counted").asBoolean()).isTrue();
        assertThat(anonymous.json().get("counted").asBoolean()).isTrue();
        assertThat(as(artist)
                        .get("/api/v1/tracks/" + track.field("id"))
                        .json()
                        .get("play_count")
                        .asLong())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM playback_history WHERE user_id = :fan")
                        .param("fan", fan.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(as(fan).post(plays, Map.of("seconds_played", -5)).status()).isEqualTo(400);
    }

    @Test
    void aListenerCannotCountTwoPlaysInLessTimeThanOnePlayTakes() {
        TestUser artist = register("artist");
        TestUser fan = register();
        TestUser other = register();
        ApiResponse track = uploadAndProcess(artist, TestMedia.tone(70, "mp3"), Map.of("title", "Replayed"));
        String plays = "/api/v1/tracks/" + track.field("id") + "/plays";
        Api anonymous = api();

        // the threshold is 30 s: two 40-second listens reported back to back cannot both be real
        assertThat(as(fan).post(plays, Map.of("seconds_played", 40))
                        .json()
                        .get("counted")
                        .asBoolean())
                .isTrue();
        assertThat(as(fan).post(plays, Map.of("seconds_played", 40))
                        .json()
                        .get("counted")
                        .asBoolean())
                .isFalse();
        assertThat(as(other)
                        .post(plays, Map.of("seconds_played", 40))
                        .json()
                        .get("counted")
                        .asBoolean())
                .isTrue();
        assertThat(anonymous
                        .post(plays, Map.of("seconds_played", 70))
                        .json()
                        .get("counted")
                        .asBoolean())
                .isTrue();
        assertThat(anonymous
                        .post(plays, Map.of("seconds_played", 70))
                        .json()
                        .get("counted")
                        .asBoolean())
                .as("signed out, the address is the listener")
                .isFalse();

        assertThat(as(artist)
                        .get("/api/v1/tracks/" + track.field("id"))
                        .json()
                        .get("play_count")
                        .asLong())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM playback_history WHERE user_id = :fan")
                        .param("fan", fan.id())
                        .query(Long.class)
                        .single())
                .as("every listen is still in the history")
                .isEqualTo(2);
    }

    @Test
    void deletingATrackRemovesItsFilesFromStorage() throws Exception {
        TestUser artist = register("artist");
        ApiResponse uploaded =
                upload(artist, TestMedia.tone(3, "mp3"), TestMedia.coverPng(), Map.of("title", "Short-lived"));
        assertThat(uploaded.status()).isEqualTo(202);
        String id = uploaded.field("id");
        assertThat(awaitProcessed(artist, id).field("status")).isEqualTo("ready");
        Map<String, Object> row = jdbc.sql(
                        "SELECT file_path, cover_path, hls_prefix, thumbnail_prefix FROM tracks WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        List<String> keys = List.of(
                (String) row.get("file_path"),
                (String) row.get("cover_path"),
                row.get("hls_prefix") + "/128k/seg_00000.ts",
                row.get("hls_prefix") + "/256k/seg_00000.ts",
                row.get("thumbnail_prefix") + "/256.jpg");
        for (String key : keys) {
            assertThat(blobs.exists(key)).as(key).isTrue();
        }

        assertThat(as(artist).delete("/api/v1/tracks/" + id).status()).isEqualTo(204);

        assertThat(as(artist).get("/api/v1/tracks/" + id).status()).isEqualTo(404);
        for (String key : keys) {
            assertThat(blobs.exists(key)).as(key).isFalse();
        }
    }

    @Test
    void aReadyTracksCoverIsReplacedByItsOwnerAndTheOldFilesGo() throws Exception {
        TestUser artist = register("artist");
        String id = uploadAndProcess(artist, TestMedia.tone(3, "mp3"), Map.of("title", "Bare"))
                .field("id");
        assertThat(as(artist)
                        .get("/api/v1/tracks/" + id)
                        .json()
                        .get("cover_urls")
                        .isNull())
                .as("no cover yet")
                .isTrue();
        String path = "/api/v1/tracks/" + id + "/cover";

        ApiResponse notImage = as(artist)
                .upload(
                        "PUT",
                        path,
                        Map.of("cover", TestMedia.text("not-an-image-cover.png", "not an image")),
                        Map.of());
        assertThat(notImage.status()).isEqualTo(415);
        assertThat(notImage.json().get("errors").get(0).get("field").asText()).isEqualTo("cover");
        assertThat(as(register("artist"))
                        .upload("PUT", path, Map.of("cover", TestMedia.coverPng()), Map.of())
                        .status())
                .as("someone else's track")
                .isEqualTo(403);
        assertThat(as(artist).upload("PUT", path, Map.of(), Map.of()).status()).isEqualTo(400);

        ApiResponse replaced = as(artist).upload("PUT", path, Map.of("cover", TestMedia.coverPng()), Map.of());
        assertThat(replaced.status()).isEqualTo(200);
        String first = jdbc.sql("SELECT thumbnail_prefix FROM tracks WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        String cover = replaced.json().get("cover_urls").get("256").asText();
        HttpResponse<byte[]> image = api().bytes(cover);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");

        assertThat(as(artist)
                        .upload("PUT", path, Map.of("cover", TestMedia.coverPng()), Map.of())
                        .status())
                .isEqualTo(200);
        String second = jdbc.sql("SELECT thumbnail_prefix FROM tracks WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(second).isNotEqualTo(first);
        assertThat(blobs.exists(second + "/256.jpg")).isTrue();
        assertThat(blobs.exists(first + "/256.jpg"))
                .as("the old thumbnails are deleted")
                .isFalse();
    }

    @Test
    void aBoughtTracksOriginalOutlivesItsDeletionForItsBuyersUntilNoneIsLeft() throws Exception {
        TestUser artist = register("artist");
        TestUser buyer = register();
        TestUser stranger = register();
        String id = uploadAndProcess(artist, TestMedia.tone(3, "mp3"), Map.of("title", "Bought"))
                .field("id");
        UUID track = UUID.fromString(id);
        TestSales.paidOrder(jdbc, artist.id(), buyer.id(), track);
        Map<String, Object> row = jdbc.sql("SELECT file_path, hls_prefix FROM tracks WHERE id = :id")
                .param("id", track)
                .query()
                .singleRow();
        String original = (String) row.get("file_path");
        String segment = row.get("hls_prefix") + "/128k/seg_00000.ts";
        String download = "/api/v1/tracks/" + id + "/original";

        assertThat(as(artist).delete("/api/v1/tracks/" + id).status()).isEqualTo(204);

        assertThat(as(buyer).get("/api/v1/tracks/" + id).status()).isEqualTo(404);
        assertThat(as(buyer).bytes(download).statusCode()).isEqualTo(200);
        assertThat(as(stranger).bytes(download).statusCode()).isEqualTo(404);
        assertThat(as(artist).bytes(download).statusCode())
                .as("deleted for its owner")
                .isEqualTo(404);
        assertThat(blobs.exists(original)).isTrue();
        assertThat(blobs.exists(segment)).isFalse();
        assertThat(retainedOriginals().processed())
                .as("the buyer still holds it")
                .isZero();
        assertThat(blobs.exists(original)).isTrue();

        // the purchase refunded: nobody holds the file any more
        jdbc.sql("UPDATE purchases SET revoked_at = now() WHERE track_id = :id")
                .param("id", track)
                .update();
        assertThat(retainedOriginals().processed()).isEqualTo(1);

        assertThat(blobs.exists(original)).isFalse();
        assertThat(as(buyer).bytes(download).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT original_retained FROM tracks WHERE id = :id")
                        .param("id", track)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(retainedOriginals().processed()).isZero();
    }

    private WorkReport retainedOriginals() {
        return workers.stream()
                .filter(w -> w.name().equals("retained-originals"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
    }

    private long tracksOf(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM tracks WHERE owner_id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    private static List<BigDecimal> durations(String playlist) {
        return playlist.lines()
                .filter(l -> l.startsWith("#EXTINF:"))
                .map(l -> new BigDecimal(l.substring(8, l.indexOf(','))))
                .toList();
    }

    private static String line(String playlist, String prefix) {
        return playlist.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .substring(prefix.length());
    }
}
