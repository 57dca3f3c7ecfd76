package fr.veza.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How processing jobs survive crashes and are shared between workers. */
class TrackProcessingQueueIntegrationTests extends CatalogTest {

    @Autowired
    ProcessingJobs jobs;

    @Test
    void aJobLeftRunningByACrashedInstanceIsTakenAgainOnceItsLeaseEnds() throws Exception {
        UUID track = insertTrack("processing", null, "0 seconds", TestMedia.tone(3, "mp3"));
        jdbc.sql("INSERT INTO track_processing_jobs (id, track_id, status, attempts, locked_by, locked_until)"
                        + " VALUES (:id, :track, 'running', 1, 'crashed-instance', now() - interval '1 second')")
                .param("id", UUID.randomUUID())
                .param("track", track)
                .update();

        await().atMost(Duration.ofSeconds(60)).until(() -> "ready".equals(status(track)));

        assertThat(jdbc.sql("SELECT attempts FROM track_processing_jobs WHERE track_id = :t")
                        .param("t", track)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM track_segments WHERE track_id = :t")
                        .param("t", track)
                        .query(Long.class)
                        .single())
                .isGreaterThan(0);
    }

    @Test
    void aJobHeldByALiveLeaseIsNotTaken() throws Exception {
        UUID track = insertTrack("processing", null, "0 seconds", TestMedia.tone(3, "mp3"));
        jdbc.sql("INSERT INTO track_processing_jobs (id, track_id, status, attempts, locked_by, locked_until)"
                        + " VALUES (:id, :track, 'running', 1, 'busy-instance', now() + interval '1 hour')")
                .param("id", UUID.randomUUID())
                .param("track", track)
                .update();

        Thread.sleep(1_500);

        assertThat(status(track)).isEqualTo("processing");
    }

    @Test
    void anUploadThatNeverReachedStorageEndsFailedWithAReason() {
        UUID track = insertTrack("processing", null, "0 seconds", null);
        jobs.enqueue(track, java.time.Instant.now().minusSeconds(1)); // the grace period has passed

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(status(track)));

        assertThat(jdbc.sql("SELECT status_message FROM tracks WHERE id = :id")
                        .param("id", track)
                        .query(String.class)
                        .single())
                .isEqualTo("The uploaded file is missing; upload the track again.");
    }

    @Test
    void concurrentClaimsNeverTakeTheSameJob() throws Exception {
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID track = insertTrack("ready", null, "0 seconds", null); // ready: a worker that takes one just closes it
            jobs.enqueue(track, java.time.Instant.now().minusSeconds(1));
            queued.add(track);
        }
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        List<UUID> claimedInOrder = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int worker = 0; worker < 8; worker++) {
            String name = "test-worker-" + worker;
            pool.submit(() -> {
                start.await();
                for (var job = jobs.claim(name, Duration.ofMinutes(5));
                        job.isPresent();
                        job = jobs.claim(name, Duration.ofMinutes(5))) {
                    if (queued.contains(job.get().trackId())) {
                        claimed.add(job.get().id());
                        claimedInOrder.add(job.get().id());
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(claimedInOrder).hasSameSizeAs(claimed);
        Integer maxAttempts = jdbc.sql("SELECT max(attempts) FROM track_processing_jobs WHERE track_id IN (:ids)")
                .param("ids", queued)
                .query(Integer.class)
                .single();
        assertThat(maxAttempts).isEqualTo(1);
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM tracks WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
