package fr.veza.developer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    private static final String ENDPOINT =
            "id, user_id, url, secret, events, status, consecutive_failures," + " disabled_reason, created_at";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertEndpoint(UUID id, UUID userId, String url, String secret, List<WebhookEvent> events) {
        jdbc.sql("INSERT INTO webhook_endpoints (id, user_id, url, secret, events) VALUES (:id, :user, :url, :secret,"
                        + " :events)")
                .param("id", id)
                .param("user", userId)
                .param("url", url)
                .param("secret", secret)
                .param("events", events.stream().map(WebhookEvent::value).toArray(String[]::new))
                .update();
    }

    int countEndpoints(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE user_id = :user AND deleted_at IS NULL")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    List<WebhookEndpoint> endpoints(UUID userId) {
        return jdbc.sql("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE user_id = :user AND deleted_at IS NULL"
                        + " ORDER BY created_at")
                .param("user", userId)
                .query(this::endpoint)
                .list();
    }

    Optional<WebhookEndpoint> endpoint(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE id = :id AND user_id = :user"
                        + " AND deleted_at IS NULL")
                .param("id", id)
                .param("user", userId)
                .query(this::endpoint)
                .optional();
    }

    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("UPDATE webhook_endpoints SET deleted_at = now() WHERE id = :id AND user_id = :user"
                                + " AND deleted_at IS NULL")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    boolean enable(UUID userId, UUID id) {
        return jdbc.sql("UPDATE webhook_endpoints SET status = 'active', consecutive_failures = 0,"
                                + " disabled_reason = NULL WHERE id = :id AND user_id = :user AND deleted_at IS NULL")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    boolean disable(UUID userId, UUID id, String reason) {
        return jdbc.sql("UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = :reason"
                                + " WHERE id = :id AND user_id = :user AND deleted_at IS NULL")
                        .param("id", id)
                        .param("user", userId)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** A delivery to one endpoint whatever it subscribed to: the test its owner asked for. */
    void enqueueTo(UUID endpointId, UUID eventId, String type, String payload) {
        jdbc.sql("INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload)"
                        + " VALUES (gen_random_uuid(), :endpoint, :eventId, :type, :payload)")
                .param("endpoint", endpointId)
                .param("eventId", eventId)
                .param("type", type)
                .param("payload", payload)
                .update();
    }

    /** One delivery per active endpoint of the user subscribed to the event; a repeated event adds nothing. */
    int enqueue(UUID userId, UUID eventId, WebhookEvent event, String payload) {
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload)
                        SELECT gen_random_uuid(), e.id, :eventId, :type, :payload FROM webhook_endpoints e
                        WHERE e.user_id = :user AND e.status = 'active' AND e.deleted_at IS NULL
                          AND :type = ANY (e.events)
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING
                        """)
                .param("user", userId)
                .param("eventId", eventId)
                .param("type", event.value())
                .param("payload", payload)
                .update();
    }

    /**
     * Takes up to {@code limit} due deliveries by pushing their next attempt past {@code lease}: another worker
     * skips them, and a delivery whose sender died is simply due again after the lease.
     */
    List<DueDelivery> claimDue(int limit, java.time.Duration lease) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => :lease)
                        FROM webhook_endpoints e
                        WHERE d.endpoint_id = e.id AND d.id IN (
                            SELECT id FROM webhook_deliveries
                            WHERE status = 'pending' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, e.url,
                                  e.secret, e.status, e.deleted_at IS NOT NULL AS endpoint_deleted
                        """)
                .param("limit", limit)
                .param("lease", (double) lease.toSeconds())
                .query((rs, n) -> new DueDelivery(
                        rs.getObject("id", UUID.class),
                        rs.getObject("endpoint_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getString("url"),
                        rs.getString("secret"),
                        "active".equals(rs.getString("status")) && !rs.getBoolean("endpoint_deleted")))
                .list();
    }

    void delivered(UUID id, int statusCode) {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1,"
                        + " last_status_code = :code, last_error = NULL, delivered_at = now() WHERE id = :id")
                .param("id", id)
                .param("code", statusCode)
                .update();
    }

    void attemptFailed(UUID id, Integer statusCode, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = :code, last_error = :error,"
                        + " next_attempt_at = :next, status = CASE WHEN :giveUp THEN 'failed' ELSE 'pending' END"
                        + " WHERE id = :id")
                .param("id", id)
                .param("code", statusCode)
                .param("error", error)
                .param("next", Timestamp.from(nextAttempt))
                .param("giveUp", giveUp)
                .update();
    }

    void endpointSucceeded(UUID endpointId) {
        jdbc.sql("UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = :id")
                .param("id", endpointId)
                .update();
    }

    /** Counts a failure; returns true if this one disabled the endpoint. */
    boolean endpointFailed(UUID endpointId, int disableAfter) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,
                            status = CASE WHEN consecutive_failures + 1 >= :limit THEN 'disabled' ELSE status END,
                            disabled_reason = CASE WHEN consecutive_failures + 1 >= :limit
                                THEN 'disabled after ' || :limit || ' failed deliveries in a row' ELSE disabled_reason END
                        WHERE id = :id
                        RETURNING status = 'disabled' AND consecutive_failures = :limit
                        """)
                .param("id", endpointId)
                .param("limit", disableAfter)
                .query(Boolean.class)
                .single();
    }

    /** Deliveries of an endpoint the endpoint was switched off for: they stop, recorded as failed. */
    void abandon(UUID id, String reason) {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'failed', last_error = :reason WHERE id = :id")
                .param("id", id)
                .param("reason", reason)
                .update();
    }

    List<WebhookDelivery> deliveries(UUID endpointId, int limit) {
        return jdbc.sql("""
                        SELECT id, event_id, event_type, status, attempts, last_status_code, last_error, created_at,
                               delivered_at, next_attempt_at
                        FROM webhook_deliveries WHERE endpoint_id = :endpoint ORDER BY created_at DESC LIMIT :limit
                        """)
                .param("endpoint", endpointId)
                .param("limit", limit)
                .query((rs, n) -> new WebhookDelivery(
                        rs.getObject("id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getObject("last_status_code", Integer.class),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("delivered_at")),
                        "pending".equals(rs.getString("status")) ? instant(rs.getTimestamp("next_attempt_at")) : null))
                .list();
    }

    private WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("url"),
                rs.getString("secret"),
                Arrays.stream((String[]) rs.getArray("events").getArray())
                        .map(WebhookEvent::of)
                        .toList(),
                rs.getString("status"),
                rs.getInt("consecutive_failures"),
                rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record DueDelivery(
            UUID id,
            UUID endpointId,
            UUID eventId,
            String eventType,
            String payload,
            int attempts,
            String url,
            String secret,
            boolean endpointActive) {}
}
