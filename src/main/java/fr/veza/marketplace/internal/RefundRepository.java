package fr.veza.marketplace.internal;

import fr.veza.marketplace.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefundRepository {

    private static final String COLUMNS = "id, order_id, requested_by, status, amount_minor, currency, reason,"
            + " hyperswitch_refund_id, error_message, created_at, updated_at, provider_updated_at";

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(UUID id, UUID orderId, UUID requestedBy, Money amount, String reason) {
        jdbc.sql("INSERT INTO refunds (id, order_id, requested_by, amount_minor, currency, reason)"
                        + " VALUES (:id, :order, :by, :amount, :currency, :reason)")
                .param("id", id)
                .param("order", orderId)
                .param("by", requestedBy)
                .param("amount", amount.minor())
                .param("currency", amount.currency())
                .param("reason", reason)
                .update();
    }

    List<Refund> latest(String status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("status", status)
                .param("limit", limit)
                .query(RefundRepository::refund)
                .list();
    }

    Optional<Refund> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds WHERE id = :id")
                .param("id", id)
                .query(RefundRepository::refund)
                .optional();
    }

    /** The refunds of each order, oldest first, read in one query. */
    Map<UUID, List<Refund>> forOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM refunds WHERE order_id IN (:orders) ORDER BY created_at")
                .param("orders", orderIds)
                .query(RefundRepository::refund)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Refund::orderId));
    }

    /** By the provider's id, or by ours when phase 2 never stored the provider's answer. */
    Optional<Refund> lockByProviderId(String providerRefundId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds WHERE hyperswitch_refund_id = :pid"
                        + " OR ('ref_' || replace(id::text, '-', '')) = :pid FOR UPDATE")
                .param("pid", providerRefundId)
                .query(RefundRepository::refund)
                .optional();
    }

    void providerAccepted(UUID id, String providerRefundId) {
        jdbc.sql("UPDATE refunds SET hyperswitch_refund_id = :pid, updated_at = now()"
                        + " WHERE id = :id AND hyperswitch_refund_id IS NULL")
                .param("pid", providerRefundId)
                .param("id", id)
                .update();
    }

    boolean move(UUID id, List<String> from, String to, String error, Instant providerTime) {
        return jdbc.sql("UPDATE refunds SET status = :to, error_message = :error, updated_at = now(),"
                                + " provider_updated_at = COALESCE(:t, provider_updated_at)"
                                + " WHERE id = :id AND status IN (:from)")
                        .param("to", to)
                        .param("error", error)
                        .param("t", providerTime == null ? null : Timestamp.from(providerTime))
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
    }

    /** Pending refunds the provider knows of, quiet for longer than {@code after}. */
    List<Refund> stuckWithProvider(Duration after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds WHERE status = 'pending'"
                        + " AND hyperswitch_refund_id IS NOT NULL AND hyperswitch_refund_id <> ''"
                        + " AND updated_at < now() - make_interval(secs => :after) ORDER BY updated_at LIMIT :limit")
                .param("after", (double) after.toSeconds())
                .param("limit", limit)
                .query(RefundRepository::refund)
                .list();
    }

    /** Pending refunds the provider was never asked for: the process stopped between phase 1 and phase 2. */
    List<Refund> orphans(Duration after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refunds WHERE status = 'pending'"
                        + " AND (hyperswitch_refund_id IS NULL OR hyperswitch_refund_id = '')"
                        + " AND created_at < now() - make_interval(secs => :after) ORDER BY created_at LIMIT :limit")
                .param("after", (double) after.toSeconds())
                .param("limit", limit)
                .query(RefundRepository::refund)
                .list();
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        Timestamp provider = rs.getTimestamp("provider_updated_at");
        return new Refund(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("requested_by", UUID.class),
                rs.getString("status"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("reason"),
                rs.getString("hyperswitch_refund_id"),
                rs.getString("error_message"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                provider == null ? null : provider.toInstant());
    }
}
