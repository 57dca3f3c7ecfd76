package fr.veza.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The five cases of the orphan cleanup, on rows and files arranged directly. */
class OrphanTrackCleanupIntegrationTests extends CatalogTest {

    @Autowired
    OrphanTrackCleanupWorker cleanup;

    @Test
    void stuckForOverAnHourWithItsFileMissingIsMarkedFailed() {
        UUID track = insertTrack("processing", null, "2 hours", null);

        run();

        assertThat(status(track)).isEqualTo("failed");
        assertThat(message(track)).isEqualTo("orphan cleanup: file missing on disk after >1h in processing");
        assertThat(exists(track)).as("never deletes").isTrue();
    }

    @Test
    void aTrackWhoseFileIsPresentIsUntouched() {
        UUID track = insertTrack("processing", null, "2 hours", TestMedia.tone(3, "mp3"));

        run();

        assertThat(status(track)).isEqualTo("processing");
        assertThat(message(track)).isNull();
    }

    @Test
    void aRecentUploadIsUntouchedEvenWithoutItsFile() {
        UUID track = insertTrack("processing", null, "10 minutes", null);

        run();

        assertThat(status(track)).isEqualTo("processing");
    }

    @Test
    void tracksInOtherStatesAreUntouched() {
        UUID failed = insertTrack("failed", "earlier reason", "3 hours", null);
        UUID ready = insertTrack("ready", null, "3 hours", null);

        run();

        assertThat(status(failed)).isEqualTo("failed");
        assertThat(message(failed)).isEqualTo("earlier reason");
        assertThat(status(ready)).isEqualTo("ready");
    }

    @Test
    void runningAgainChangesNothingAndRaisesNothing() {
        UUID track = insertTrack("processing", null, "2 hours", null);
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
