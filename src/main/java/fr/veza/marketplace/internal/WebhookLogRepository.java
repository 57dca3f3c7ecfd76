package fr.veza.marketplace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookLogRepository {

    private final JdbcClient jdbc;

    WebhookLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookLogEntry entry) {
        jdbc.sql("""
                        INSERT INTO hyperswitch_webhook_log (payload, signature_valid, processing_result, source_ip,
                            user_agent, request_id, event_type)
                        VALUES (:payload, :valid, :result, :ip, :agent, :request, :type)
                        """)
                .param("payload", entry.payload())
                .param("valid", entry.signatureValid())
                .param("result", entry.processingResult())
                .param("ip", entry.sourceIp())
                .param("agent", entry.userAgent())
                .param("request", entry.requestId())
                .param("type", entry.eventType())
                .update();
    }

    /** Newest first; {@code signatureValid} narrows to valid or invalid deliveries when set. */
    /** @param result {@code ok}, {@code skipped}, {@code error} (any error) or null for all */
    List<WebhookLogEntry> page(Boolean signatureValid, String result, Long beforeId, int limit) {
        String sql = "SELECT id, payload, signature_valid, processing_result, source_ip, user_agent, request_id,"
                + " event_type, received_at FROM hyperswitch_webhook_log WHERE TRUE"
                + (signatureValid == null ? "" : " AND signature_valid = :valid")
                + (result == null
                        ? ""
                        : "error".equals(result)
                                ? " AND processing_result LIKE 'error%'"
                                : " AND processing_result = :result")
                + (beforeId == null ? "" : " AND id < :before")
                + " ORDER BY id DESC LIMIT :limit";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (signatureValid != null) {
            statement = statement.param("valid", signatureValid);
        }
        if (beforeId != null) {
            statement = statement.param("before", beforeId);
        }
        if (result != null && !"error".equals(result)) {
            statement = statement.param("result", result);
        }
        return statement
                .query((rs, n) -> new WebhookLogEntry(
                        rs.getLong("id"),
                        rs.getString("payload"),
                        rs.getBoolean("signature_valid"),
                        rs.getString("processing_result"),
                        rs.getString("source_ip"),
                        rs.getString("user_agent"),
                        rs.getString("request_id"),
                        rs.getString("event_type"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** Deletes up to {@code batch} rows received before {@code cutoff}; the count says whether more remain. */
    int deleteBatch(Instant cutoff, int batch) {
        return jdbc.sql("DELETE FROM hyperswitch_webhook_log WHERE id IN (SELECT id FROM hyperswitch_webhook_log"
                        + " WHERE received_at < :cutoff ORDER BY received_at LIMIT :batch)")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }

    int deleteProcessedEventsBatch(Instant cutoff, int batch) {
        return jdbc.sql("DELETE FROM hyperswitch_processed_events WHERE event_id IN (SELECT event_id FROM"
                        + " hyperswitch_processed_events WHERE processed_at < :cutoff LIMIT :batch)")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }
}
