package fr.veza.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Marketplace rows as a paid order leaves them, for tests about what people bought and sold. */
public final class TestSales {

    private TestSales() {}

    /** A paid order of one download line from {@code seller} to {@code buyer}, with the seller's payout. */
    public static UUID paidOrder(JdbcClient jdbc, UUID seller, UUID buyer, UUID track) {
        UUID product = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        jdbc.sql("INSERT INTO products (id, seller_id, track_id, kind, price_minor, currency)"
                        + " VALUES (:id, :seller, :track, 'download', 1000, 'EUR')")
                .param("id", product)
                .param("seller", seller)
                .param("track", track)
                .update();
        jdbc.sql(
                        "INSERT INTO orders (id, buyer_id, idempotency_key, request_hash, status, total_minor, currency,"
                                + " payment_id, completed_at) VALUES (:id, :buyer, :key, 'h', 'completed', 1000, 'EUR', :pay, now())")
                .param("id", order)
                .param("buyer", buyer)
                .param("key", order.toString())
                .param("pay", "pay_" + order)
                .update();
        jdbc.sql("INSERT INTO order_lines (id, order_id, product_id, seller_id, track_id, kind, price_minor,"
                        + " platform_fee_minor, currency, position) VALUES (:id, :order, :product, :seller, :track,"
                        + " 'download', 1000, 100, 'EUR', 0)")
                .param("id", line)
                .param("order", order)
                .param("product", product)
                .param("seller", seller)
                .param("track", track)
                .update();
        jdbc.sql("INSERT INTO purchases (id, order_line_id, buyer_id, track_id, kind, granted_at)"
                        + " VALUES (:id, :line, :buyer, :track, 'download', now())")
                .param("id", UUID.randomUUID())
                .param("line", line)
                .param("buyer", buyer)
                .param("track", track)
                .update();
        jdbc.sql("INSERT INTO seller_transfers (id, order_id, order_line_id, seller_id, amount_minor,"
                        + " platform_fee_minor, currency, status) VALUES (:id, :order, :line, :seller, 900, 100, 'EUR',"
                        + " 'completed')")
                .param("id", UUID.randomUUID())
                .param("order", order)
                .param("line", line)
                .param("seller", seller)
                .update();
        return order;
    }
}
