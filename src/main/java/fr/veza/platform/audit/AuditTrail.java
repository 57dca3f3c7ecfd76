package fr.veza.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
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

    /** What was done to one thing, oldest first: the trail an admin reads beside it. */
    public List<Logged> of(String targetType, UUID targetId, int limit) {
        return jdbc.sql("""
                        SELECT user_id, action, details::text AS details, created_at FROM audit_logs
                        WHERE target_id = :targetId AND target_type = :targetType
                        ORDER BY created_at, id LIMIT :limit
                        """)
                .param("targetId", targetId)
                .param("targetType", targetType)
                .param("limit", limit)
                .query((rs, n) -> new Logged(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("action"),
                        fromJson(rs.getString("details")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Who acted in {@code trail}, each once; the system's entries name nobody. */
    public static java.util.stream.Stream<UUID> actors(List<Logged> trail) {
        return trail.stream()
                .map(Logged::actorId)
                .filter(java.util.Objects::nonNull)
                .distinct();
    }

    private Map<String, Object> fromJson(String details) {
        try {
            return json.readValue(details, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_logs.details holds JSON objects only", e);
        }
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }

    /** An entry as it is read back; the actor is null for the system or once erased. */
    public record Logged(UUID actorId, String action, Map<String, Object> details, Instant at) {}

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
