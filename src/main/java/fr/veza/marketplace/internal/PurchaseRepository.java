package fr.veza.marketplace.internal;

import fr.veza.platform.web.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What buyers own: one row per order line, granted on payment and revoked on refund. */
@Repository
class PurchaseRepository {

    private static final String COLUMNS = "p.id, p.order_line_id, p.buyer_id, p.track_id, p.kind, p.granted_at,"
            + " p.revoked_at, l.order_id, l.product_id, l.licence_terms, l.price_minor, l.currency, l.seller_id";

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void grant(UUID buyerId, Order.Line line, Instant at) {
        jdbc.sql("INSERT INTO purchases (id, order_line_id, buyer_id, track_id, kind, granted_at)"
                        + " VALUES (:id, :line, :buyer, :track, :kind, :at) ON CONFLICT (order_line_id) DO NOTHING")
                .param("id", UUID.randomUUID())
                .param("line", line.id())
                .param("buyer", buyerId)
                .param("track", line.trackId())
                .param("kind", line.kind())
                .param("at", Timestamp.from(at))
                .update();
    }

    void revoke(UUID orderId) {
        jdbc.sql("UPDATE purchases SET revoked_at = now() WHERE revoked_at IS NULL"
                        + " AND order_line_id IN (SELECT id FROM order_lines WHERE order_id = :order)")
                .param("order", orderId)
                .update();
    }

    boolean anyActive(UUID trackId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM purchases WHERE track_id = :track AND revoked_at IS NULL)")
                .param("track", trackId)
                .query(Boolean.class)
                .single();
    }

    boolean owns(UUID buyerId, UUID trackId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM purchases WHERE buyer_id = :buyer AND track_id = :track"
                        + " AND revoked_at IS NULL)")
                .param("buyer", buyerId)
                .param("track", trackId)
                .query(Boolean.class)
                .single();
    }

    Optional<Purchase> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases p JOIN order_lines l ON l.id = p.order_line_id"
                        + " WHERE p.id = :id")
                .param("id", id)
                .query((rs, n) -> purchase(rs))
                .optional();
    }

    List<Purchase> page(UUID buyerId, Cursor after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM purchases p JOIN order_lines l ON l.id = p.order_line_id"
                + " WHERE p.buyer_id = :buyer"
                + (after == null ? "" : " AND (p.granted_at, p.id) < (:at, :afterId)")
                + " ORDER BY p.granted_at DESC, p.id DESC LIMIT :limit";
        var statement = jdbc.sql(sql).param("buyer", buyerId).param("limit", limit);
        if (after != null) {
            statement = statement.param("at", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return statement.query((rs, n) -> purchase(rs)).list();
    }

    private static Purchase purchase(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Purchase(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getObject("buyer_id", UUID.class),
                rs.getObject("seller_id", UUID.class),
                rs.getObject("track_id", UUID.class),
                rs.getString("kind"),
                rs.getString("licence_terms"),
                new fr.veza.marketplace.Money(rs.getLong("price_minor"), rs.getString("currency")),
                rs.getTimestamp("granted_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
