package fr.veza.catalog.internal;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the kept original of a deleted track once nobody holds a right to it any more (its purchases refunded).
 * The file goes first and the row's flag after, so a crash in between only makes the next run delete a file that
 * is already gone; a track somebody still bought is left alone. Runs every {@code RETAINED_ORIGINALS_INTERVAL}.
 */
@Component
class RetainedOriginalsWorker implements PeriodicWorker {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(RetainedOriginalsWorker.class);

    private final TrackRepository tracks;
    private final TrackFiles files;
    private final BlobStore blobs;
    private final CatalogSettings settings;

    RetainedOriginalsWorker(TrackRepository tracks, TrackFiles files, BlobStore blobs, CatalogSettings settings) {
        this.tracks = tracks;
        this.files = files;
        this.blobs = blobs;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "retained-originals";
    }

    @Override
    public Duration interval() {
        return settings.retainedOriginalsInterval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        int released = 0;
        int failed = 0;
        UUID after = null;
        List<TrackRepository.RetainedOriginal> batch;
        do {
            batch = tracks.retainedOriginals(after, BATCH);
            for (TrackRepository.RetainedOriginal original : batch) {
                after = original.trackId();
                if (run.stopping()) {
                    return new WorkReport(released, failed);
                }
                if (files.mustRetainOriginal(original.trackId())) {
                    continue;
                }
                try {
                    blobs.delete(original.blobKey());
                } catch (IOException e) {
                    failed++;
                    log.warn(
                            "retained-originals: track {} original not deleted, next run retries error={}",
                            original.trackId(),
                            e.toString());
                    continue;
                }
                if (tracks.originalReleased(original.trackId())) {
                    released++;
                    log.info(
                            "retained-originals: track {} original deleted, no buyer holds it any more",
                            original.trackId());
                }
            }
        } while (batch.size() == BATCH);
        return new WorkReport(released, failed);
    }
}
