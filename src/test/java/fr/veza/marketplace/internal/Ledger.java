package fr.veza.marketplace.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of money as the marketplace leaves them, written directly so worker tests start from any state. */
record Ledger(JdbcClient jdbc, UUID buyer, UUID seller, UUID track) {

    /** An order of one 10.00 EUR line, in {@code status}, last changed {@code age} ago. */
    Sale order(String status, String paymentId, Duration age) {
        UUID product = UUID.randomUUID();
        jdbc.sql("INSERT INTO products (id, seller_id, track_id, kind, price_minor, currency, status)"
                        + " VALUES (:id, :seller, :track, 'download', 1000, 'EUR', 'unpublished')")
                .param("id", product)
                .param("seller", seller)
                .param("track", track)
                .update();
        UUID order = UUID.randomUUID();
        Timestamp then = Timestamp.from(Instant.now().minus(age));
        jdbc.sql(
                        "INSERT INTO orders (id, buyer_id, idempotency_key, request_hash, status, total_minor, currency,"
                                + " payment_id, created_at, updated_at, completed_at) VALUES (:id, :buyer, :key, 'h', :status,"
                                + " 1000, 'EUR', :payment, :then, :then, CASE WHEN :status <> 'pending' THEN CAST(:then AS timestamptz) END)")
                .param("id", order)
                .param("buyer", buyer)
                .param("key", order.toString())
                .param("status", status)
                .param("payment", paymentId)
                .param("then", then)
                .update();
        UUID line = UUID.randomUUID();
        jdbc.sql("INSERT INTO order_lines (id, order_id, product_id, seller_id, track_id, kind, price_minor,"
                        + " platform_fee_minor, currency, position) VALUES (:id, :order, :product, :seller, :track,"
                        + " 'download', 1000, 100, 'EUR', 0)")
                .param("id", line)
                .param("order", order)
                .param("product", product)
                .param("seller", seller)
                .param("track", track)
                .update();
        return new Sale(order, line);
    }

    UUID transfer(Sale sale, String status, String stripeTransferId, int retryCount, Instant nextRetryAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO seller_transfers (id, order_id, order_line_id, seller_id, amount_minor,"
                        + " platform_fee_minor, currency, status, stripe_account_id, stripe_transfer_id, retry_count,"
                        + " next_retry_at) VALUES (:id, :order, :line, :seller, 900, 100, 'EUR', :status, 'acct_test',"
                        + " :transfer, :retries, :next)")
                .param("id", id)
                .param("order", sale.order())
                .param("line", sale.line())
                .param("seller", seller)
                .param("status", status)
                .param("transfer", stripeTransferId)
                .param("retries", retryCount)
                .param("next", nextRetryAt == null ? null : Timestamp.from(nextRetryAt))
                .update();
        return id;
    }

    UUID refund(UUID order, String status, String providerRefundId, Duration age) {
        UUID id = UUID.randomUUID();
        Timestamp then = Timestamp.from(Instant.now().minus(age));
        jdbc.sql("INSERT INTO refunds (id, order_id, requested_by, status, amount_minor, currency,"
                        + " hyperswitch_refund_id, created_at, updated_at) VALUES (:id, :order, :buyer, :status, 1000,"
                        + " 'EUR', :provider, :then, :then)")
                .param("id", id)
                .param("order", order)
                .param("buyer", buyer)
                .param("status", status)
                .param("provider", providerRefundId)
                .param("then", then)
                .update();
        return id;
    }

    String value(String table, UUID id, String column) {
        return jdbc.sql("SELECT " + column + "::text FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    record Sale(UUID order, UUID line) {}
}
