package fr.veza.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who sees, streams, downloads and changes what. */
class TrackAccessIntegrationTests extends CatalogTest {

    @Test
    void aPrivateTrackExistsOnlyForItsOwner() {
        TestUser owner = register("artist");
        TestUser other = register();
        ApiResponse track =
                uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Secret", "visibility", "private"));
        String id = track.field("id");

        assertThat(as(owner).get("/api/v1/tracks/" + id).status()).isEqualTo(200);
        assertThat(as(owner).get("/api/v1/tracks/" + id + "/hls/master.m3u8").status())
                .isEqualTo(200);
        for (var client : List.of(as(other), api())) {
            assertThat(client.get("/api/v1/tracks/" + id).status()).isEqualTo(404);
            assertThat(client.get("/api/v1/tracks/" + id + "/hls/master.m3u8").status())
                    .isEqualTo(404);
            assertThat(client.get("/api/v1/tracks/" + id + "/waveform").status())
                    .isEqualTo(404);
        }
        assertThat(ids(api().get("/api/v1/tracks?creator=" + owner.id()))).doesNotContain(id);
        assertThat(ids(as(owner).get("/api/v1/tracks?creator=" + owner.id()))).contains(id);
    }

    @Test
    void thePlaylistsOfAPrivateTrackWorkWithoutCredentialsOnceSigned() {
        TestUser owner = register("artist");
        ApiResponse track =
                uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Mine", "visibility", "private"));
        String master = as(owner).get(track.field("stream_url")).text();
        String variant = uris(master).get(0);

        ApiResponse playlist = api().get(variant);

        assertThat(playlist.status()).isEqualTo(200);
        String segment = uris(playlist.text()).get(0);
        HttpResponse<byte[]> media = api().bytes(segment);
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("Cache-Control").orElse("")).contains("private");
    }

    @Test
    void unsignedTamperedOrExpiredMediaLinksAreRefused() {
        TestUser owner = register("artist");
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Signed"));
        String variant = uris(api().get(track.field("stream_url")).text()).get(0);
        String unsigned = variant.substring(0, variant.indexOf('?'));
        String otherRendition = variant.replace("/128k/", "/256k/");
        String expired = variant.replaceAll("exp=\\d+", "exp=1000");
        String segment = uris(api().get(variant).text()).get(0);
        String forgedSegment = segment.substring(0, segment.indexOf("sig=") + 4) + "forged";
        String otherSegment = segment.replace("/0.ts", "/1.ts");

        for (String link : List.of(unsigned, otherRendition, expired, forgedSegment, otherSegment)) {
            ApiResponse response = api().get(link);
            assertThat(response.status()).as(link).isEqualTo(403);
            assertThat(response.code()).isEqualTo("forbidden");
        }
    }

    @Test
    void anUnlistedTrackIsReachableByIdButNotListed() {
        TestUser owner = register("artist");
        ApiResponse track = uploadAndProcess(
                owner, TestMedia.tone(3, "mp3"), Map.of("title", "Hidden gem", "visibility", "unlisted"));
        String id = track.field("id");

        assertThat(api().get("/api/v1/tracks/" + id).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/tracks/" + id + "/hls/master.m3u8").status())
                .isEqualTo(200);
        assertThat(ids(api().get("/api/v1/tracks?creator=" + owner.id()))).doesNotContain(id);
        assertThat(ids(api().get("/api/v1/tracks?limit=100"))).doesNotContain(id);
    }

    @Test
    void theOriginalFileIsForItsOwnerOnly() {
        TestUser owner = register("artist");
        TestUser fan = register();
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Master tape"));
        String original = "/api/v1/tracks/" + track.field("id") + "/original";

        HttpResponse<byte[]> mine = as(owner).bytes(original);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(read(TestMedia.tone(3, "mp3")));
        assertThat(mine.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains(".mp3");
        assertThat(as(owner).bytes(original, "Range", "bytes=0-9").statusCode()).isEqualTo(206);

        assertThat(as(fan).get(original).status()).isEqualTo(403);
        assertThat(api().get(original).status()).isEqualTo(401);
        assertThat(track.json().get("original").get("url").asText()).isEqualTo(original);
        assertThat(as(fan).get("/api/v1/tracks/" + track.field("id"))
                        .json()
                        .get("original")
                        .isNull())
                .isTrue();
    }

    @Test
    void onlyTheOwnerEditsAndDeletesAndAdminsMayDelete() {
        TestUser owner = register("artist");
        TestUser other = register("artist");
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Original title"));
        String path = "/api/v1/tracks/" + track.field("id");

        assertThat(as(other).patch(path, Map.of("title", "Hijacked")).status()).isEqualTo(403);
        assertThat(as(other).delete(path).status()).isEqualTo(403);
        ApiResponse edited = as(owner).patch(path, Map.of("title", "Better title", "tags", List.of("Lo-Fi")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.field("title")).isEqualTo("Better title");
        assertThat(edited.json().get("tags").get(0).asText()).isEqualTo("lo-fi");
        assertThat(as(owner).patch(path, Map.of("visibility", "secret")).status())
                .isEqualTo(400);

        String variant = uris(api().get(path + "/hls/master.m3u8").text()).get(0);
        String segment = uris(api().get(variant).text()).get(0);
        assertThat(api().bytes(segment).statusCode()).isEqualTo(200);

        assertThat(as(admin()).delete(path).status()).isEqualTo(204);
        assertThat(api().bytes(segment).statusCode())
                .as("signed links die with the track")
                .isEqualTo(404);
        assertThat(api().get(path).status()).isEqualTo(404);
        assertThat(as(owner).get(path).status()).isEqualTo(404);
        assertThat(api().get(path + "/hls/master.m3u8").status()).isEqualTo(404);
    }

    @Test
    void coverThumbnailsAreSquareJpegsBehindSignedLinks() throws Exception {
        TestUser owner = register("artist");
        ApiResponse uploaded = upload(
                owner,
                TestMedia.tone(3, "mp3"),
                TestMedia.coverPng(),
                Map.of("title", "With cover", "visibility", "private"));
        ApiResponse track = awaitProcessed(owner, uploaded.field("id"));

        for (String size : List.of("64", "256", "1024")) {
            HttpResponse<byte[]> image =
                    api().bytes(track.json().get("cover_urls").get(size).asText());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()));
            assertThat(decoded.getWidth()).isEqualTo(Integer.parseInt(size));
            assertThat(decoded.getHeight()).isEqualTo(Integer.parseInt(size));
        }
        assertThat(api().get("/api/v1/tracks/" + track.field("id") + "/cover/256")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theWaveformHasAPeakPerSliceOfTheTrack() {
        TestUser owner = register("artist");
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(20, "mp3"), Map.of("title", "Drawn"));

        ApiResponse waveform = api().get(track.field("waveform_url"));

        assertThat(waveform.status()).isEqualTo(200);
        assertThat(waveform.json().get("peaks")).hasSize(1000);
        List<Double> peaks = new java.util.ArrayList<>();
        waveform.json().get("peaks").forEach(peak -> peaks.add(peak.asDouble()));
        assertThat(peaks).allMatch(peak -> peak >= 0 && peak <= 0.2); // the test tone's amplitude is 1/8
        assertThat(peaks.stream().filter(peak -> peak > 0.1).count()).isGreaterThan(990);
    }

    private static List<String> ids(ApiResponse page) {
        return page.json().get("items").findValuesAsText("id");
    }

    private static byte[] read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
