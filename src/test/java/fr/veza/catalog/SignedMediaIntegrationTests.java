package fr.veza.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signed media links end with the grant behind them, answer HEAD as GET does, and never send a refused body. */
class SignedMediaIntegrationTests extends CatalogTest {

    @Test
    void aListenersLinksStopWorkingWhenTheTrackTurnsPrivateWhileItsOwnersKeepWorking() {
        TestUser owner = register("artist");
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Soon private"));
        String listenerVariant =
                uris(api().get(track.field("stream_url")).text()).get(0);
        String listenerSegment = uris(api().get(listenerVariant).text()).get(0);
        String ownerVariant = uris(api().bearer(owner.accessToken())
                        .get(track.field("stream_url"))
                        .text())
                .get(0);
        String ownerSegment = uris(api().get(ownerVariant).text()).get(0);
        assertThat(api().bytes(listenerSegment).statusCode()).isEqualTo(200);

        ApiResponse changed = api().bearer(owner.accessToken())
                .patch("/api/v1/tracks/" + track.field("id"), Map.of("visibility", "private"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api().bytes(listenerSegment).statusCode()).isEqualTo(404);
            assertThat(api().get(listenerVariant).status()).isEqualTo(404);
        });
        assertThat(api().get(ownerVariant).status()).isEqualTo(200);
        assertThat(api().bytes(ownerSegment).statusCode()).isEqualTo(200);
    }

    @Test
    void headOnASignedSegmentAnswersAsGetDoesWithoutABody() throws Exception {
        TestUser owner = register("artist");
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Headed"));
        String segment = uris(api().get(
                                uris(api().get(track.field("stream_url")).text())
                                        .get(0))
                        .text())
                .get(0);
        HttpResponse<byte[]> get = api().bytes(segment);

        HttpResponse<byte[]> head = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + segment))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(get.body().length));
        assertThat(head.headers().firstValue("Content-Type"))
                .isEqualTo(get.headers().firstValue("Content-Type"));
    }

    @Test
    void anUnsatisfiableRangeOnTheOriginalSendsNoBody() {
        TestUser owner = register("artist");
        ApiResponse track = uploadAndProcess(owner, TestMedia.tone(3, "mp3"), Map.of("title", "Out of range"));
        long size = TestMedia.tone(3, "mp3").toFile().length();

        HttpResponse<byte[]> refused = api().bearer(owner.accessToken())
                .bytes("/api/v1/tracks/" + track.field("id") + "/original", "Range", "bytes=" + (size + 10) + "-");

        assertThat(refused.statusCode()).isEqualTo(416);
        assertThat(refused.body()).isEmpty();
        assertThat(refused.headers().firstValue("Content-Range")).contains("bytes */" + size);
    }
}
