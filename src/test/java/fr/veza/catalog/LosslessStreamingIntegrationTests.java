package fr.veza.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.SubsonicPlayer;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lossless upload streams losslessly: a FLAC rendition in fragmented MP4 segments, first in the master playlist,
 * whose decoded samples are the upload's own, bit for bit, at 16 and 24 bit, from FLAC and from WAV. A lossy upload
 * gets none. Subsonic players get it as one file when they ask for FLAC, the original, or no bitrate limit.
 */
class LosslessStreamingIntegrationTests extends CatalogTest {

    @Test
    void theLosslessRenditionHoldsTheUploadsSamplesBitForBit() throws Exception {
        TestUser artist = register("artist");
        for (Path upload : List.of(
                TestMedia.lossless(16, 44100, "flac"),
                TestMedia.lossless(24, 96000, "flac"),
                TestMedia.lossless(16, 44100, "wav"),
                TestMedia.lossless(24, 48000, "wav"))) {
            ApiResponse track = uploadAndProcess(
                    artist, upload, Map.of("title", upload.getFileName().toString(), "visibility", "public"));
            assertThat(track.field("status")).as(track.text()).isEqualTo("ready");
            String master = api().get("/api/v1/tracks/" + track.field("id") + "/hls/master.m3u8")
                    .text();
            List<String> lines = master.lines().toList();
            int firstVariant = lines.indexOf(lines.stream()
                    .filter(line -> line.startsWith("#EXT-X-STREAM-INF"))
                    .findFirst()
                    .orElseThrow());
            assertThat(lines.get(firstVariant))
                    .as("the lossless rendition first")
                    .contains("CODECS=\"fLaC\"");
            assertThat(master).contains("CODECS=\"mp4a.40.2\"");
            assertThat(api().get("/api/v1/tracks/" + track.field("id") + "/hls/master.m3u8?lossless=false")
                            .text())
                    .as("a player that chose AAC is offered nothing else")
                    .doesNotContain("fLaC")
                    .contains("mp4a.40.2");

            Path streamed = Files.createTempFile("veza-lossless", ".mp4");
            Files.write(streamed, losslessStream(lines.get(firstVariant + 1)));
            assertThat(TestMedia.pcmMd5(streamed))
                    .as("%s: the PCM of the lossless stream is the upload's", upload.getFileName())
                    .isEqualTo(TestMedia.pcmMd5(upload));
        }
    }

    @Test
    void aLossyUploadHasNoLosslessRendition() {
        TestUser artist = register("artist");
        ApiResponse track =
                uploadAndProcess(artist, TestMedia.tone(4, "mp3"), Map.of("title", "lossy", "visibility", "public"));
        assertThat(track.field("status")).isEqualTo("ready");
        String master = api().get("/api/v1/tracks/" + track.field("id") + "/hls/master.m3u8")
                .text();
        assertThat(master).doesNotContain("fLaC").contains("mp4a.40.2");
    }

    @Test
    void aSubsonicPlayerAskingForFlacGetsTheLosslessStreamAsOneSeekableFile() throws Exception {
        TestUser artist = register("artist");
        Path upload = TestMedia.lossless(24, 48000, "flac");
        String id = uploadAndProcess(artist, upload, Map.of("title", "Hi-res", "visibility", "public"))
                .field("id");
        TestUser listener = register();
        String password = as(listener)
                .post("/api/v1/me/app-passwords", Map.of("name", "tests"))
                .field("password");
        SubsonicPlayer player = new SubsonicPlayer(api(), listener.username(), password);

        for (Map<String, List<String>> asked : List.of(
                Map.of("id", List.of(id), "format", List.of("flac")),
                Map.of("id", List.of(id), "format", List.of("raw")),
                Map.of("id", List.of(id), "maxBitRate", List.of("0")))) {
            HttpResponse<byte[]> stream = player.bytes("stream", asked);
            assertThat(stream.statusCode()).as("%s", asked).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("audio/mp4");
            Path heard = Files.createTempFile("veza-subsonic-lossless", ".m4a");
            Files.write(heard, stream.body());
            assertThat(TestMedia.pcmMd5(heard)).as("%s", asked).isEqualTo(TestMedia.pcmMd5(upload));
        }
        HttpResponse<byte[]> ranged =
                player.bytes("stream", Map.of("id", List.of(id), "format", List.of("flac")), "Range", "bytes=100-199");
        assertThat(ranged.statusCode()).isEqualTo(206);
        assertThat(ranged.body()).hasSize(100);

        HttpResponse<byte[]> capped = player.bytes("stream", Map.of("id", List.of(id), "maxBitRate", List.of("128")));
        assertThat(capped.headers().firstValue("Content-Type"))
                .as("a bitrate limit gets AAC")
                .hasValue("audio/mp2t");
    }

    /** The lossless rendition as a player reads it: its playlist, the initialisation segment, then each segment. */
    private byte[] losslessStream(String variantUri) throws Exception {
        String playlist = api().get(variantUri).text();
        assertThat(playlist).contains("#EXT-X-VERSION:7").contains("#EXT-X-MAP:URI=\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : playlist.lines().toList()) {
            String uri = null;
            if (line.startsWith("#EXT-X-MAP:URI=\"")) {
                uri = line.substring("#EXT-X-MAP:URI=\"".length(), line.length() - 1);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                uri = line;
            }
            if (uri != null) {
                HttpResponse<byte[]> part = api().bytes(uri);
                assertThat(part.statusCode()).as(uri).isEqualTo(200);
                assertThat(part.headers().firstValue("Content-Type")).hasValue("audio/mp4");
                out.write(part.body());
            }
        }
        return out.toByteArray();
    }
}
