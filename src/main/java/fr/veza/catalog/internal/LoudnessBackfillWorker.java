package fr.veza.catalog.internal;

import fr.veza.catalog.Loudness;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Measures the loudness of tracks made ready before it was measured in the processing pass, from their originals,
 * a batch every {@code LOUDNESS_BACKFILL_INTERVAL} so the processors keep the machine. A track is measured once:
 * the measurement is recorded on the track, so a restarted server goes on with the tracks still unmeasured. Each
 * try is counted before ffmpeg runs, and a track whose original cannot be read is given up after three.
 */
@Component
class LoudnessBackfillWorker implements PeriodicWorker {

    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(LoudnessBackfillWorker.class);

    private final TrackRepository tracks;
    private final TrackProcessor processor;
    private final CatalogSettings settings;

    LoudnessBackfillWorker(TrackRepository tracks, TrackProcessor processor, CatalogSettings settings) {
        this.tracks = tracks;
        this.processor = processor;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "loudness-backfill";
    }

    @Override
    public Duration interval() {
        return settings.loudnessBackfillInterval();
    }

    @Override
    public boolean runAtStartup() {
        return true;
    }

    @Override
    public WorkReport run(WorkerRun run) {
        int measured = 0;
        int failed = 0;
        List<Track> batch = tracks.claimUnmeasured(BATCH, MAX_ATTEMPTS);
        for (Track track : batch) {
            if (run.stopping()) {
                break;
            }
            try {
                Optional<Loudness> loudness = processor.measureLoudness(track, () -> {});
                if (loudness.isPresent()) {
                    if (tracks.recordLoudness(track.id(), track.mediaVersion(), loudness.get())) {
                        measured++;
                    }
                } else {
                    failed++;
                    log.warn("loudness-backfill: track {} could not be read to the end", track.id());
                }
            } catch (IOException | RuntimeException e) {
                failed++;
                log.warn("loudness-backfill: track {} not measured error={}", track.id(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new WorkReport(measured, failed);
    }
}
