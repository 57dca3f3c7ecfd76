package fr.veza.catalog.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The processing queue in {@code track_processing_jobs}. A claim takes the oldest due job with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of instances take distinct jobs; it is a lease that the holder
 * extends, and every later write is guarded by the holder's name, so a worker that lost its lease changes
 * nothing.
 */
@Repository
class ProcessingJobs {

    private final JdbcClient jdbc;

    ProcessingJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(UUID trackId, Instant runAfter) {
        jdbc.sql("""
                        INSERT INTO track_processing_jobs (id, track_id, status, run_after)
                        VALUES (:id, :trackId, 'queued', :runAfter)
                        """)
                .param("id", UUID.randomUUID())
                .param("trackId", trackId)
                .param("runAfter", Timestamp.from(runAfter))
                .update();
    }

    /** Makes a queued job due now (the upload it waited for has been stored). */
    void release(UUID trackId) {
        jdbc.sql("""
                        UPDATE track_processing_jobs SET run_after = now(), updated_at = now()
                        WHERE track_id = :trackId AND status = 'queued'
                        """).param("trackId", trackId).update();
    }

    Optional<ClaimedJob> claim(String worker, Duration lease) {
        return jdbc.sql("""
                        UPDATE track_processing_jobs j
                        SET status = 'running', attempts = j.attempts + 1, locked_by = :worker,
                            locked_until = now() + make_interval(secs => :lease), updated_at = now()
                        WHERE j.id = (
                            SELECT id FROM track_processing_jobs
                            WHERE (status = 'queued' AND run_after <= now())
                               OR (status = 'running' AND locked_until < now())
                            ORDER BY run_after
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING j.id, j.track_id, j.attempts
                        """)
                .param("worker", worker)
                .param("lease", (double) lease.toSeconds())
                .query((rs, n) -> new ClaimedJob(
                        rs.getObject("id", UUID.class), rs.getObject("track_id", UUID.class), rs.getInt("attempts")))
                .optional();
    }

    /** Extends the lease; false means another worker has taken the job over. */
    boolean heartbeat(UUID jobId, String worker, Duration lease) {
        return jdbc.sql("""
                        UPDATE track_processing_jobs SET locked_until = now() + make_interval(secs => :lease)
                        WHERE id = :id AND status = 'running' AND locked_by = :worker
                        """)
                        .param("id", jobId)
                        .param("worker", worker)
                        .param("lease", (double) lease.toSeconds())
                        .update()
                == 1;
    }

    boolean finish(UUID jobId, String worker, String status, String error) {
        return jdbc.sql("""
                        UPDATE track_processing_jobs SET status = :status, last_error = :error, locked_until = NULL,
                               updated_at = now()
                        WHERE id = :id AND status = 'running' AND locked_by = :worker
                        """)
                        .param("id", jobId)
                        .param("worker", worker)
                        .param("status", status)
                        .param("error", error)
                        .update()
                == 1;
    }

    boolean retryLater(UUID jobId, String worker, String error, Instant runAfter) {
        return jdbc.sql("""
                        UPDATE track_processing_jobs SET status = 'queued', last_error = :error, run_after = :runAfter,
                               locked_by = NULL, locked_until = NULL, updated_at = now()
                        WHERE id = :id AND status = 'running' AND locked_by = :worker
                        """)
                        .param("id", jobId)
                        .param("worker", worker)
                        .param("error", error)
                        .param("runAfter", Timestamp.from(runAfter))
                        .update()
                == 1;
    }

    void cancelFor(UUID trackId) {
        jdbc.sql("""
                        UPDATE track_processing_jobs SET status = 'cancelled', locked_until = NULL, updated_at = now()
                        WHERE track_id = :trackId AND status IN ('queued', 'running')
                        """).param("trackId", trackId).update();
    }

    record ClaimedJob(UUID id, UUID trackId, int attempts) {}
}
