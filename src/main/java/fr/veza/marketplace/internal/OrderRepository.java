package fr.veza.marketplace.internal;

import fr.veza.marketplace.Money;
import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines. Status changes are guarded UPDATEs: each names the states it may leave. */
@Repository
class OrderRepository {

    private static final String COLUMNS = "id, buyer_id, status, total_minor, currency, payment_id, client_secret,"
            + " failure_reason, request_hash, created_at, updated_at, completed_at, provider_updated_at";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the buyer already has an order under this key (a concurrent or earlier request made it). */
    boolean insert(Order order, String idempotencyKey) {
        return jdbc.sql("""
                                INSERT INTO orders (id, buyer_id, idempotency_key, request_hash, total_minor, currency)
                                VALUES (:id, :buyer, :key, :hash, :total, :currency)
                                ON CONFLICT (buyer_id, idempotency_key) DO NOTHING
                                """)
                        .param("id", order.id())
                        .param("buyer", order.buyerId())
                        .param("key", idempotencyKey)
                        .param("hash", order.requestHash())
                        .param("total", order.total().minor())
                        .param("currency", order.total().currency())
                        .update()
                == 1;
    }

    void insertLine(UUID orderId, Order.Line line, int position) {
        jdbc.sql("""
                        INSERT INTO order_lines (id, order_id, product_id, seller_id, track_id, kind, licence_terms,
                            price_minor, platform_fee_minor, currency, position)
                        VALUES (:id, :order, :product, :seller, :track, :kind, :terms, :price, :fee, :currency, :position)
                        """)
                .param("id", line.id())
                .param("order", orderId)
                .param("product", line.productId())
                .param("seller", line.sellerId())
                .param("track", line.trackId())
                .param("kind", line.kind())
                .param("terms", line.licenceTerms())
                .param("price", line.price().minor())
                .param("fee", line.platformFeeMinor())
                .param("currency", line.price().currency())
                .param("position", position)
                .update();
    }

    Optional<Order> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE id = :id", "id", id);
    }

    Optional<Order> findByKey(UUID buyerId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE buyer_id = :buyer AND idempotency_key = :key")
                .param("buyer", buyerId)
                .param("key", idempotencyKey)
                .query(OrderRepository::order)
                .optional()
                .map(this::withLines);
    }

    /** The order, locked until the transaction ends: one request at a time creates its payment or refund. */
    Optional<Order> lock(UUID id) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE", "id", id);
    }

    Optional<Order> lockByPayment(String paymentId) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE payment_id = :id FOR UPDATE", "id", paymentId);
    }

    void paymentCreated(UUID id, String paymentId, String clientSecret) {
        jdbc.sql("UPDATE orders SET payment_id = :payment, client_secret = :secret, updated_at = now()"
                        + " WHERE id = :id AND payment_id IS NULL")
                .param("payment", paymentId)
                .param("secret", clientSecret)
                .param("id", id)
                .update();
    }

    boolean move(UUID id, List<String> from, String to, Instant providerTime, String failureReason) {
        return jdbc.sql("""
                                UPDATE orders SET status = :to, updated_at = now(),
                                    provider_updated_at = COALESCE(:providerTime, provider_updated_at),
                                    failure_reason = :reason,
                                    completed_at = CASE WHEN :to = 'completed' AND completed_at IS NULL THEN now()
                                                        ELSE completed_at END
                                WHERE id = :id AND status IN (:from)
                                """)
                        .param("to", to)
                        .param("providerTime", providerTime == null ? null : Timestamp.from(providerTime))
                        .param("reason", failureReason)
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
    }

    /** Orders still waiting for their payment that were placed before {@code cutoff}, oldest first. */
    List<Unpaid> unpaidSince(Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT id, buyer_id, idempotency_key, payment_id FROM orders
                        WHERE status = 'pending' AND created_at < :cutoff ORDER BY created_at LIMIT :limit
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query((rs, n) -> new Unpaid(
                        rs.getObject("id", UUID.class),
                        rs.getObject("buyer_id", UUID.class),
                        rs.getString("idempotency_key"),
                        rs.getString("payment_id")))
                .list();
    }

    /** Fails a pending order no payment was ever created for; false if one was meanwhile, or it moved on. */
    boolean failWithoutPayment(UUID id, String reason) {
        return jdbc.sql("""
                        UPDATE orders SET status = 'failed', failure_reason = :reason, updated_at = now()
                        WHERE id = :id AND status = 'pending' AND (payment_id IS NULL OR payment_id = '')
                        """).param("id", id).param("reason", reason).update() == 1;
    }

    record Unpaid(UUID id, UUID buyerId, String idempotencyKey, String paymentId) {

        boolean hasPayment() {
            return paymentId != null && !paymentId.isEmpty();
        }
    }

    List<Order> stuckPending(Duration after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE status = 'pending' AND payment_id IS NOT NULL"
                        + " AND payment_id <> '' AND updated_at < now() - make_interval(secs => :after)"
                        + " ORDER BY updated_at LIMIT :limit")
                .param("after", (double) after.toSeconds())
                .param("limit", limit)
                .query(OrderRepository::order)
                .list();
    }

    /** Orders the user bought, or sold a line of, newest first. */
    List<Order> pageFor(UUID userId, Cursor after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM orders o WHERE (o.buyer_id = :user OR EXISTS (SELECT 1 FROM"
                + " order_lines l WHERE l.order_id = o.id AND l.seller_id = :user))"
                + (after == null ? "" : " AND (o.created_at, o.id) < (:at, :afterId)")
                + " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit";
        var statement = jdbc.sql(sql).param("user", userId).param("limit", limit);
        if (after != null) {
            statement = statement.param("at", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return withLines(statement.query(OrderRepository::order).list());
    }

    private Optional<Order> one(String sql, String name, Object value) {
        return jdbc.sql(sql)
                .param(name, value)
                .query(OrderRepository::order)
                .optional()
                .map(this::withLines);
    }

    private Order withLines(Order order) {
        return withLines(List.of(order)).get(0);
    }

    /** The orders with their lines, read in one query for the whole page. */
    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<Order.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, id, product_id, seller_id, track_id, kind, licence_terms, price_minor, currency,"
                        + " platform_fee_minor FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, position")
                .param("ids", orders.stream().map(Order::id).toList())
                .query((rs, n) -> Map.entry(
                        rs.getObject("order_id", UUID.class),
                        new Order.Line(
                                rs.getObject("id", UUID.class),
                                rs.getObject("product_id", UUID.class),
                                rs.getObject("seller_id", UUID.class),
                                rs.getObject("track_id", UUID.class),
                                rs.getString("kind"),
                                rs.getString("licence_terms"),
                                new Money(rs.getLong("price_minor"), rs.getString("currency")),
                                rs.getLong("platform_fee_minor"))))
                .list()
                .forEach(line -> lines.computeIfAbsent(line.getKey(), id -> new ArrayList<>())
                        .add(line.getValue()));
        return orders.stream()
                .map(order -> order.withLines(lines.getOrDefault(order.id(), List.of())))
                .toList();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getObject("id", UUID.class),
                rs.getObject("buyer_id", UUID.class),
                rs.getString("status"),
                new Money(rs.getLong("total_minor"), rs.getString("currency")),
                rs.getString("payment_id"),
                rs.getString("client_secret"),
                rs.getString("failure_reason"),
                rs.getString("request_hash"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("completed_at")),
                instant(rs.getTimestamp("provider_updated_at")),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
