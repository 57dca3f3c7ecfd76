package fr.veza.catalog.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.catalog.TrackReady;
import fr.veza.platform.worker.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes uploaded tracks, {@code TRANSCODE_CONCURRENCY} at a time, off the request threads. Jobs come from
 * PostgreSQL, so they survive restarts and spread over instances. A run ends in exactly one of: the track ready
 * with all its segments (one transaction), retried later (a passing fault), or failed with a message for its
 * owner. On shutdown no new job is taken; a job still running when the grace period ends is taken again by
 * whichever instance sees its lease expire.
 */
@Component
class TrackProcessingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrackProcessingWorker.class);

    private final ProcessingJobs jobs;
    private final TrackRepository tracks;
    private final MediaRepository media;
    private final TrackProcessor processor;
    private final CatalogSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String workerName = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private final Counter processed;
    private final Counter failed;
    private final Counter retried;
    private final Timer duration;
    private volatile boolean running;

    TrackProcessingWorker(
            ProcessingJobs jobs,
            TrackRepository tracks,
            MediaRepository media,
            TrackProcessor processor,
            CatalogSettings settings,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.tracks = tracks;
        this.media = media;
        this.processor = processor;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.processed = Counter.builder("veza.worker.processed")
                .tag("worker", "track-processing")
                .register(meters);
        this.failed = Counter.builder("veza.worker.failed")
                .tag("worker", "track-processing")
                .register(meters);
        this.retried = Counter.builder("veza.worker.retried")
                .tag("worker", "track-processing")
                .register(meters);
        this.duration = Timer.builder("veza.worker.duration")
                .tag("worker", "track-processing")
                .register(meters);
    }

    /** Tells an idle processor that a job is due, instead of letting it wait for the next poll. */
    void wakeUp() {
        wakeUp.release();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.transcodeConcurrency(); i++) {
            Thread thread = new Thread(this::loop, "track-processing-" + i);
            thread.start();
            threads.add(thread);
        }
        log.info("track processing started: {} at a time as {}", settings.transcodeConcurrency(), workerName);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release(threads.size());
        long deadline = System.nanoTime() + settings.transcodeTimeout().toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, Math.min(12_000, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("track processing: {} still busy at shutdown; its job will be taken again", thread.getName());
                thread.interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!runOne()) {
                    wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("track processing: unexpected failure, continuing", e);
                sleepQuietly();
            }
        }
    }

    /** Claims and processes one due job; false when there was none. */
    boolean runOne() throws InterruptedException {
        Optional<ProcessingJobs.ClaimedJob> claimed = jobs.claim(workerName, settings.transcodeLease());
        if (claimed.isEmpty()) {
            return false;
        }
        ProcessingJobs.ClaimedJob job = claimed.get();
        Optional<Track> track = tracks.find(job.trackId()).filter(t -> t.status() == TrackStatus.PROCESSING);
        if (track.isEmpty()) {
            jobs.finish(job.id(), workerName, "cancelled", "track is no longer waiting for processing");
            return true;
        }
        long start = System.nanoTime();
        try {
            TrackProcessor.ProcessedMedia result = processor.process(track.get(), () -> heartbeat(job));
            record(job, track.get(), result);
        } catch (ProcessingFailure failure) {
            fail(job, failure);
        } catch (IOException e) {
            fail(
                    job,
                    new ProcessingFailure(
                            "Storage was unavailable while processing; it will be tried again.", true, e));
        } finally {
            duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return true;
    }

    private void record(ProcessingJobs.ClaimedJob job, Track track, TrackProcessor.ProcessedMedia result) {
        Boolean recorded = transactions.execute(status -> {
            if (!jobs.finish(job.id(), workerName, "done", null)) {
                return null; // lost the lease: another worker owns the job now
            }
            if (media.recordReady(track.id(), result).isEmpty()) {
                return false; // deleted or resolved meanwhile
            }
            // in this transaction: the outbox keeps the event exactly when the track becomes ready
            events.publishEvent(
                    new TrackReady(track.id(), track.ownerId(), track.title(), result.durationMs(), clock.instant()));
            events.publishEvent(new TrackChanged(track.id(), track.ownerId()));
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            processor.discard(result.hlsPrefix(), result.thumbnailPrefix());
            log.info(
                    "track processing: result for track {} not recorded ({})",
                    track.id(),
                    recorded == null ? "lease lost" : "track no longer processing");
            return;
        }
        processed.increment();
        log.info(
                "track processing: track {} ready duration_ms={} segments={}",
                track.id(),
                result.durationMs(),
                result.renditions().get(0).segments().size());
        if (track.hlsPrefix() != null) {
            processor.discard(track.hlsPrefix(), track.thumbnailPrefix()); // the media this run replaced
        }
    }

    private void fail(ProcessingJobs.ClaimedJob job, ProcessingFailure failure) {
        if (failure.retryable() && job.attempts() < settings.transcodeMaxAttempts()) {
            Duration backoff = Backoff.doubling(Duration.ofSeconds(30), job.attempts() - 1, Duration.ofMinutes(32));
            if (jobs.retryLater(
                    job.id(), workerName, failure.getMessage(), clock.instant().plus(backoff))) {
                retried.increment();
                log.warn(
                        "track processing: track {} attempt {} failed, retry in {}: {}",
                        job.trackId(),
                        job.attempts(),
                        backoff,
                        failure.getMessage());
            }
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (jobs.finish(job.id(), workerName, "failed", failure.getMessage())) {
                tracks.failProcessing(job.trackId(), failure.getMessage());
            }
        });
        failed.increment();
        log.warn("track processing: track {} failed: {}", job.trackId(), failure.getMessage());
    }

    private void heartbeat(ProcessingJobs.ClaimedJob job) {
        if (!jobs.heartbeat(job.id(), workerName, settings.transcodeLease())) {
            log.warn("track processing: lease on job {} lost", job.id());
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
