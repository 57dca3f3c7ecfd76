package fr.veza.platform.audit;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail keeps what happened; erasure only takes the person and their address out of it. */
@Component
class AuditPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        files.rows(
                "audit_log.json",
                "What you did and what was done to your account, as the audit trail recorded it, with your address when you acted (another person's is never included).",
                """
                SELECT created_at, action, target_type, target_id, (user_id IS NOT DISTINCT FROM :user) AS by_you,
                       CASE WHEN user_id = :user THEN ip_address END AS ip_address, details
                FROM audit_logs WHERE user_id = :user OR target_id = :user ORDER BY created_at, id
                """,
                Map.of("user", userId));
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        return Map.of(
                "audit_entries",
                jdbc.sql("UPDATE audit_logs SET user_id = NULL, ip_address = NULL WHERE user_id = :user")
                        .param("user", userId)
                        .update());
    }
}
