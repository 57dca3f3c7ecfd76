package fr.veza.privacy.internal;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Deletes archives whose link expired. The row is marked first: a failed delete leaves a file nobody can reach. */
@Component
class ExportExpiryWorker implements PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportExpiryWorker.class);

    private final ExportRepository exports;
    private final BlobStore blobs;

    ExportExpiryWorker(ExportRepository exports, BlobStore blobs) {
        this.exports = exports;
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "data-export-expiry";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public WorkReport run(WorkerRun run) {
        int expired = 0;
        int failed = 0;
        for (DataExport export : exports.expired(run.startedAt(), 200)) {
            if (run.stopping()) {
                break;
            }
            // the archive goes first: if that fails the row stays due (its link already refused) and the next run
            // tries again, where marking it first would leave an archive nothing ever deletes
            try {
                blobs.delete(export.blobKey());
            } catch (IOException e) {
                failed++;
                log.warn(
                        "data-export-expiry export={} archive not deleted, next run retries error={}",
                        export.id(),
                        e.toString());
                continue;
            }
            if (exports.markExpired(export.id())) {
                expired++;
            }
        }
        return new WorkReport(expired, failed);
    }
}
