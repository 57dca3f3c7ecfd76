package fr.veza.catalog.internal;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flips tracks stuck in {@code processing} for longer than {@code ORPHAN_CLEANUP_AFTER} whose file is gone from
 * storage to {@code failed}, with a message that says so. It never deletes anything, never touches a track whose
 * file is present or that is in another state (the update is guarded on {@code status = 'processing'}), and is
 * safe to run any number of times. Runs once at start, then every {@code ORPHAN_CLEANUP_INTERVAL}.
 */
@Component
class OrphanTrackCleanupWorker implements PeriodicWorker {

    static final String MESSAGE = "orphan cleanup: file missing on disk after >1h in processing";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(OrphanTrackCleanupWorker.class);

    private final TrackRepository tracks;
    private final BlobStore blobs;
    private final CatalogSettings settings;
    private final Clock clock;

    OrphanTrackCleanupWorker(TrackRepository tracks, BlobStore blobs, CatalogSettings settings, Clock clock) {
        this.tracks = tracks;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "orphan-cleanup";
    }

    @Override
    public Duration interval() {
        return settings.orphanInterval();
    }

    @Override
    public boolean runAtStartup() {
        return true;
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Instant cutoff = clock.instant().minus(settings.orphanAfter());
        int flipped = 0;
        int failed = 0;
        Cursor after = null;
        List<Track> batch;
        do {
            batch = tracks.processingCreatedBefore(cutoff, after, BATCH);
            for (Track track : batch) {
                try {
                    if (!blobs.exists(track.filePath()) && tracks.failProcessing(track.id(), MESSAGE)) {
                        flipped++;
                        log.warn(
                                "orphan-cleanup: track {} marked failed, file {} missing",
                                track.id(),
                                track.filePath());
                    }
                } catch (IOException | RuntimeException e) {
                    failed++; // storage could not say; the next run looks again
                    log.warn("orphan-cleanup: could not check track {}: {}", track.id(), e.getMessage());
                }
            }
            if (!batch.isEmpty()) {
                Track last = batch.get(batch.size() - 1);
                after = new Cursor(last.createdAt(), last.id());
            }
        } while (batch.size() == BATCH && !run.stopping());
        return new WorkReport(flipped, failed);
    }
}
