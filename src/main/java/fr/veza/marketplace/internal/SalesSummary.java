package fr.veza.marketplace.internal;

import fr.veza.identity.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A seller's sales over the last days and their payouts in every state, from the order lines and transfers
 * themselves, so the dashboard and an API client read the same numbers the money tables hold.
 */
@Service
public class SalesSummary {

    public static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;
    private final Clock clock;

    SalesSummary(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Summary of(CurrentUser seller, int days) {
        var since = java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(days)));
        // paid orders count as sales; a refunded one stays listed as refunded, since it was a sale until then
        List<Revenue> revenue = jdbc.sql("""
                        SELECT l.currency,
                               count(*) FILTER (WHERE o.status IN ('completed', 'refund_pending')) AS sales,
                               count(*) FILTER (WHERE o.status = 'refunded') AS refunded,
                               coalesce(sum(l.price_minor) FILTER (WHERE o.status IN ('completed', 'refund_pending')), 0)
                                   AS gross,
                               coalesce(sum(l.price_minor - l.platform_fee_minor)
                                   FILTER (WHERE o.status IN ('completed', 'refund_pending')), 0) AS earned
                          FROM order_lines l JOIN orders o ON o.id = l.order_id
                         WHERE l.seller_id = :seller AND o.completed_at >= :since
                           AND o.status IN ('completed', 'refund_pending', 'refunded')
                         GROUP BY l.currency ORDER BY l.currency
                        """)
                .param("seller", seller.id())
                .param("since", since)
                .query((rs, row) -> new Revenue(
                        rs.getString("currency"),
                        rs.getLong("sales"),
                        rs.getLong("refunded"),
                        rs.getLong("gross"),
                        rs.getLong("earned")))
                .list();
        List<Payouts> payouts = jdbc.sql("""
                        SELECT status, currency, count(*) AS transfers, sum(amount_minor) AS amount
                          FROM seller_transfers WHERE seller_id = :seller
                         GROUP BY status, currency ORDER BY status, currency
                        """)
                .param("seller", seller.id())
                .query((rs, row) -> new Payouts(
                        TransferStatus.of(rs.getString("status")),
                        rs.getString("currency"),
                        rs.getLong("transfers"),
                        rs.getLong("amount")))
                .list();
        return new Summary(days, revenue, payouts);
    }

    public record Summary(int days, List<Revenue> revenue, List<Payouts> payouts) {

        public long sales() {
            return revenue.stream().mapToLong(Revenue::sales).sum();
        }
    }

    /** @param gross what buyers paid, @param earned what comes to the seller after the platform's fee (minor units) */
    public record Revenue(String currency, long sales, long refunded, long gross, long earned) {}

    /** The seller's payouts in one state and currency, all time. */
    public record Payouts(TransferStatus status, String currency, long transfers, long amount) {}
}
