package fr.veza.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends to {@code audit_logs}. It joins the caller's transaction, so an audited change and its entry commit
 * or roll back together. Details must hold no personal data beyond ids: erasure nulls only user and IP.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditTrail(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO audit_logs (user_id, ip_address, action, target_type, target_id, details)
                        VALUES (:userId, :ip, :action, :targetType, :targetId, CAST(:details AS jsonb))
                        """)
                .param("userId", entry.actorId())
                .param("ip", entry.ipAddress())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("details", toJson(entry.details()))
                .update();
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }

    /**
     * @param actorId who acted (null for the system or an anonymous caller)
     * @param ipAddress where from (null for the system)
     * @param action a dotted verb such as {@code user.role_changed}
     */
    public record AuditEntry(
            UUID actorId,
            String ipAddress,
            String action,
            String targetType,
            UUID targetId,
            Map<String, Object> details) {

        public AuditEntry {
            details = details == null ? Map.of() : details;
        }
    }
}
