package fr.veza.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The five cases of the orphan cleanup, on rows and files arranged directly. */
class OrphanTrackCleanupIntegrationTests extends IntegrationTest {

    @Autowired
    OrphanTrackCleanupWorker cleanup;

    @Autowired
    BlobStore blobs;

    @Test
    void stuckForOverAnHourWithItsFileMissingIsMarkedFailed() {
        UUID track = insertTrack("processing", "2 hours", false);

        run();

        assertThat(status(track)).isEqualTo("failed");
        assertThat(message(track)).isEqualTo("orphan cleanup: file missing on disk after >1h in processing");
        assertThat(exists(track)).as("never deletes").isTrue();
    }

    @Test
    void aTrackWhoseFileIsPresentIsUntouched() {
        UUID track = insertTrack("processing", "2 hours", true);

        run();

        assertThat(status(track)).isEqualTo("processing");
        assertThat(message(track)).isNull();
    }

    @Test
    void aRecentUploadIsUntouchedEvenWithoutItsFile() {
        UUID track = insertTrack("processing", "10 minutes", false);

        run();

        assertThat(status(track)).isEqualTo("processing");
    }

    @Test
    void tracksInOtherStatesAreUntouched() {
        UUID failed = insertTrack("failed", "3 hours", false);
        UUID ready = insertTrack("ready", "3 hours", false);

        run();

        assertThat(status(failed)).isEqualTo("failed");
        assertThat(message(failed)).isEqualTo("earlier reason");
        assertThat(status(ready)).isEqualTo("ready");
    }

    @Test
    void runningAgainChangesNothingAndRaisesNothing() {
        UUID track = insertTrack("processing", "2 hours", false);
        run();
        Instant updated = jdbc.sql("SELECT updated_at FROM tracks WHERE id = :id")
                .param("id", track)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();

        WorkReport second = run();

        assertThat(second.failed()).isZero();
        assertThat(jdbc.sql("SELECT updated_at FROM tracks WHERE id = :id")
                        .param("id", track)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(updated);
    }

    private WorkReport run() {
        return cleanup.run(new WorkerRun(Instant.now(), () -> false));
    }

    private UUID insertTrack(String status, String age, boolean withFile) {
        TestUser owner = register("artist");
        UUID id = UUID.randomUUID();
        String path = "tracks/" + id + "/original";
        jdbc.sql("INSERT INTO tracks (id, owner_id, title, visibility, status, status_message, file_path,"
                        + " original_format, created_at) VALUES (:id, :owner, 'Orphan?', 'public', :status, :message,"
                        + " :path, 'mp3', now() - CAST(:age AS interval))")
                .param("id", id)
                .param("owner", owner.id())
                .param("status", status)
                .param("message", status.equals("failed") ? "earlier reason" : null)
                .param("path", path)
                .param("age", age)
                .update();
        if (withFile) {
            try {
                blobs.put(path, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "audio/mpeg");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM tracks WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String message(UUID id) {
        return jdbc.sql("SELECT status_message FROM tracks WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM tracks WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
