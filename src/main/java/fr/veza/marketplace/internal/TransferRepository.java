package fr.veza.marketplace.internal;

import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads payouts and creates them; their status changes only through {@link TransferStateMachine}. */
@Repository
public class TransferRepository {

    static final String COLUMNS = "id, order_id, order_line_id, seller_id, amount_minor, platform_fee_minor, currency,"
            + " status, stripe_account_id, stripe_transfer_id, stripe_reversal_id, retry_count, next_retry_at,"
            + " last_error, created_at, updated_at";

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row is born in its final status: decided before the insert, never patched right after it. */
    void create(Transfer transfer) {
        jdbc.sql("""
                        INSERT INTO seller_transfers (id, order_id, order_line_id, seller_id, amount_minor,
                            platform_fee_minor, currency, status, stripe_account_id, last_error, next_retry_at)
                        VALUES (:id, :order, :line, :seller, :amount, :fee, :currency, :status, :account, :error, :next)
                        ON CONFLICT (order_line_id) DO NOTHING
                        """)
                .param("id", transfer.id())
                .param("order", transfer.orderId())
                .param("line", transfer.orderLineId())
                .param("seller", transfer.sellerId())
                .param("amount", transfer.amountMinor())
                .param("fee", transfer.platformFeeMinor())
                .param("currency", transfer.currency())
                .param("status", transfer.status().value())
                .param("account", transfer.stripeAccountId())
                .param("error", transfer.lastError())
                .param("next", transfer.nextRetryAt() == null ? null : Timestamp.from(transfer.nextRetryAt()))
                .update();
    }

    public Optional<Transfer> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller_transfers WHERE id = :id")
                .param("id", id)
                .query(TransferRepository::transfer)
                .optional();
    }

    List<Transfer> forOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller_transfers WHERE order_id = :order ORDER BY created_at, id")
                .param("order", orderId)
                .query(TransferRepository::transfer)
                .list();
    }

    /**
     * Takes up to {@code limit} rows in {@code status} whose next try is due, pushing that time past {@code lease}:
     * another worker skips them meanwhile, and a worker that dies leaves them due again after the lease.
     */
    List<Transfer> claimDue(TransferStatus status, int limit, Duration lease) {
        return jdbc.sql("UPDATE seller_transfers SET next_retry_at = now() + make_interval(secs => :lease)"
                        + " WHERE id IN (SELECT id FROM seller_transfers WHERE status = :status AND next_retry_at <= now()"
                        + " ORDER BY next_retry_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .param("lease", (double) lease.toSeconds())
                .param("status", status.value())
                .param("limit", limit)
                .query(TransferRepository::transfer)
                .list();
    }

    /** Payouts left pending longer than {@code after}: the instance sending them stopped before Stripe answered. */
    List<Transfer> stalePending(Duration after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller_transfers WHERE status = 'pending'"
                        + " AND updated_at < now() - make_interval(secs => :after) ORDER BY updated_at LIMIT :limit")
                .param("after", (double) after.toSeconds())
                .param("limit", limit)
                .query(TransferRepository::transfer)
                .list();
    }

    /** Payouts waiting for sellers whose Stripe account can now receive them, with that account in the row. */
    List<Transfer> awaitingReadySellers(int limit) {
        return jdbc.sql("SELECT " + prefixed("t").replace("t.stripe_account_id", "a.stripe_account_id")
                        + " FROM seller_transfers t JOIN seller_accounts a"
                        + " ON a.user_id = t.seller_id AND a.payouts_enabled"
                        + " WHERE t.status = 'awaiting_onboarding' ORDER BY t.created_at LIMIT :limit")
                .param("limit", limit)
                .query(TransferRepository::transfer)
                .list();
    }

    /** Sellers with payouts waiting whose Stripe account was not seen ready: worth asking Stripe again. */
    List<SellerToRefresh> sellersAwaitingOnboarding(int limit) {
        return jdbc.sql("SELECT DISTINCT a.user_id, a.stripe_account_id FROM seller_transfers t JOIN seller_accounts a"
                        + " ON a.user_id = t.seller_id AND NOT a.payouts_enabled"
                        + " WHERE t.status = 'awaiting_onboarding' LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) ->
                        new SellerToRefresh(rs.getObject("user_id", UUID.class), rs.getString("stripe_account_id")))
                .list();
    }

    record SellerToRefresh(UUID userId, String stripeAccountId) {}

    List<Transfer> page(UUID sellerId, TransferStatus status, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM seller_transfers WHERE TRUE");
        if (sellerId != null) {
            sql.append(" AND seller_id = :seller");
        }
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) < (:at, :afterId)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (sellerId != null) {
            statement = statement.param("seller", sellerId);
        }
        if (status != null) {
            statement = statement.param("status", status.value());
        }
        if (after != null) {
            statement = statement.param("at", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return statement.query(TransferRepository::transfer).list();
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("order_line_id", UUID.class),
                rs.getObject("seller_id", UUID.class),
                rs.getLong("amount_minor"),
                rs.getLong("platform_fee_minor"),
                rs.getString("currency"),
                TransferStatus.of(rs.getString("status")),
                rs.getString("stripe_account_id"),
                rs.getString("stripe_transfer_id"),
                rs.getString("stripe_reversal_id"),
                rs.getInt("retry_count"),
                instant(rs.getTimestamp("next_retry_at")),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
