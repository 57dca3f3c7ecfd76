package fr.veza.support;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Helpers for tests that upload and stream tracks through the API. */
public abstract class CatalogTest extends IntegrationTest {

    protected ApiResponse upload(TestUser artist, Path audio, Map<String, String> fields) {
        return upload(artist, audio, null, fields);
    }

    protected ApiResponse upload(TestUser artist, Path audio, Path cover, Map<String, String> fields) {
        Map<String, Path> files = new HashMap<>();
        files.put("file", audio);
        if (cover != null) {
            files.put("cover", cover);
        }
        return as(artist).upload("/api/v1/tracks", files, fields);
    }

    /** Uploads and waits until processing has finished, whatever its outcome. */
    protected ApiResponse uploadAndProcess(TestUser artist, Path audio, Map<String, String> fields) {
        ApiResponse uploaded = upload(artist, audio, fields);
        if (uploaded.status() != 202) {
            throw new AssertionError("upload failed: " + uploaded);
        }
        return awaitProcessed(artist, uploaded.field("id"));
    }

    protected ApiResponse awaitProcessed(TestUser owner, String trackId) {
        ApiResponse[] last = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = as(owner).get("/api/v1/tracks/" + trackId);
                    return !"processing".equals(last[0].field("status"));
                });
        return last[0];
    }
}
