package fr.veza.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The workers' console of the API: the list, a pass run now under the worker's lock, admins only, audited. */
class WorkerConsoleIntegrationTests extends IntegrationTest {

    @Test
    void anAdminSeesEveryWorkerAndRunsOneNowUnlessItsLockIsHeld() {
        TestUser admin = admin();

        JsonNode workers = as(admin).get("/api/v1/admin/workers").json();
        JsonNode sessionCleanup = StreamSupport.stream(workers.get("items").spliterator(), false)
                .filter(worker -> worker.get("name").asText().equals("session-cleanup"))
                .findFirst()
                .orElseThrow();
        assertThat(sessionCleanup.get("enabled").asBoolean()).isTrue();
        assertThat(sessionCleanup.get("interval_seconds").asLong()).isPositive();
        assertThat(workers.get("items").size()).isGreaterThanOrEqualTo(10);

        ApiResponse ran = as(admin).post("/api/v1/admin/workers/session-cleanup/run", null);
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.field("outcome")).isEqualTo("ran");
        JsonNode after = StreamSupport.stream(
                        as(admin)
                                .get("/api/v1/admin/workers")
                                .json()
                                .get("items")
                                .spliterator(),
                        false)
                .filter(worker -> worker.get("name").asText().equals("session-cleanup"))
                .findFirst()
                .orElseThrow();
        assertThat(after.get("last_run").get("outcome").asText()).isEqualTo("ok");
        assertThat(after.get("last_started_anywhere").isNull()).isFalse();

        // another instance is in the middle of a run: its lock is held, nothing runs twice
        jdbc.sql("""
                        INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                        VALUES ('session-cleanup', now() + interval '1 minute', now(), 'elsewhere')
                        ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_by = 'elsewhere'
                        """).update();
        try {
            ApiResponse busy = as(admin).post("/api/v1/admin/workers/session-cleanup/run", null);
            assertThat(busy.status()).isEqualTo(409);
            assertThat(StreamSupport.stream(
                                    as(admin)
                                            .get("/api/v1/admin/workers")
                                            .json()
                                            .get("items")
                                            .spliterator(),
                                    false)
                            .filter(worker -> worker.get("name").asText().equals("session-cleanup"))
                            .findFirst()
                            .orElseThrow()
                            .get("locked_by")
                            .asText())
                    .isEqualTo("elsewhere");
        } finally {
            jdbc.sql("UPDATE shedlock SET lock_until = now() WHERE name = 'session-cleanup'")
                    .update();
        }

        assertThat(as(admin)
                        .post("/api/v1/admin/workers/no-such-worker/run", null)
                        .status())
                .isEqualTo(404);
        TestUser listener = register();
        assertThat(as(listener).get("/api/v1/admin/workers").status()).isEqualTo(403);
        assertThat(as(listener)
                        .post("/api/v1/admin/workers/session-cleanup/run", null)
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'worker.run_now' AND user_id = :admin")
                        .param("admin", admin.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
