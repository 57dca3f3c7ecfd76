package fr.veza.support;

import static org.awaitility.Awaitility.await;

import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers for tests that upload and stream tracks through the API, or arrange track rows directly. */
public abstract class CatalogTest extends IntegrationTest {

    @Autowired
    protected BlobStore blobs;

    /** The URIs of a playlist, in order. */
    protected static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /**
     * A track row as a crash or an old upload would leave it, owned by a new artist.
     *
     * @param statusMessage null for none
     * @param age how long ago it was created, as a PostgreSQL interval ({@code 2 hours})
     * @param file the original to store at its file_path, or null for a missing file
     */
    protected UUID insertTrack(String status, String statusMessage, String age, Path file) {
        TestUser owner = register("artist");
        UUID id = UUID.randomUUID();
        String path = "tracks/" + id + "/original";
        jdbc.sql("INSERT INTO tracks (id, owner_id, title, visibility, status, status_message, file_path,"
                        + " original_format, created_at) VALUES (:id, :owner, 'Arranged', 'public', :status, :message,"
                        + " :path, 'mp3', now() - CAST(:age AS interval))")
                .param("id", id)
                .param("owner", owner.id())
                .param("status", status)
                .param("message", statusMessage)
                .param("path", path)
                .param("age", age)
                .update();
        if (file != null) {
            try {
                blobs.put(path, file, "audio/mpeg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return id;
    }

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
