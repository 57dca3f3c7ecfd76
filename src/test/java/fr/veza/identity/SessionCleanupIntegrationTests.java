package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SessionCleanupIntegrationTests extends IntegrationTest {

    @Autowired
    List<PeriodicWorker> workers;

    @Test
    void sessionsEndedLongAgoAreDeletedAndRecentOnesKept() {
        TestUser user = register();
        UUID old = insertSession(user.id(), "now() - interval '40 days'", "NULL");
        UUID revokedLongAgo = insertSession(user.id(), "now() + interval '1 day'", "now() - interval '8 days'");
        UUID revokedYesterday = insertSession(user.id(), "now() + interval '1 day'", "now() - interval '1 day'");

        PeriodicWorker cleanup = workers.stream()
                .filter(worker -> worker.name().equals("session-cleanup"))
                .findFirst()
                .orElseThrow();
        var report = cleanup.run(new WorkerRun(Instant.now(), () -> false));

        assertThat(report.processed()).isGreaterThanOrEqualTo(2);
        assertThat(exists(old)).isFalse();
        assertThat(exists(revokedLongAgo)).isFalse();
        assertThat(exists(revokedYesterday)).isTrue();
        assertThat(as(user).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(cleanup.run(new WorkerRun(Instant.now(), () -> false)).processed())
                .isZero();
    }

    private UUID insertSession(UUID userId, String expiresAt, String revokedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO user_sessions (id, user_id, family_id, refresh_token_hash, expires_at, revoked_at)"
                        + " VALUES (:id, :user, :id, :hash, " + expiresAt + ", " + revokedAt + ")")
                .param("id", id)
                .param("user", userId)
                .param("hash", id.toString().getBytes())
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM user_sessions WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
