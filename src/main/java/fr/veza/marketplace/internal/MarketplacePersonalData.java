package fr.veza.marketplace.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders, purchases and sales. Nothing is erased here: orders, refunds and payouts are accounting records the law
 * requires us to keep (GDPR Art. 17(3)(b)); they point at the anonymised account, a pseudonymous reference.
 */
@Component
class MarketplacePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MarketplacePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        Map<String, UUID> user = Map.of("user", userId);
        files.rows(
                "orders.json",
                "What you bought: each order with its lines, amounts in minor units, status, payment id and refunds.",
                """
                SELECT o.id, o.status, o.total_minor, o.currency, o.payment_id, o.failure_reason, o.created_at,
                       o.completed_at,
                       (SELECT jsonb_agg(jsonb_build_object('track_id', l.track_id, 'seller_id', l.seller_id,
                                   'kind', l.kind, 'licence_terms', l.licence_terms, 'price_minor', l.price_minor,
                                   'currency', l.currency) ORDER BY l.position)
                        FROM order_lines l WHERE l.order_id = o.id) AS lines,
                       coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'status', r.status,
                                   'amount_minor', r.amount_minor, 'currency', r.currency, 'reason', r.reason,
                                   'created_at', r.created_at) ORDER BY r.created_at)
                                 FROM refunds r WHERE r.order_id = o.id), '[]'::jsonb) AS refunds
                FROM orders o WHERE o.buyer_id = :user ORDER BY o.created_at
                """,
                user);
        files.rows(
                "purchases.json",
                "The downloads and licences your orders gave you, and when any was revoked by a refund.",
                "SELECT id, track_id, kind, granted_at, revoked_at FROM purchases WHERE buyer_id = :user"
                        + " ORDER BY granted_at",
                user);
        files.rows(
                "sales.json",
                "What you sold: each line sold (buyers are not named), its price, the platform fee and your payout.",
                """
                SELECT l.id AS order_line_id, l.track_id, l.kind, l.price_minor, l.platform_fee_minor, l.currency,
                       o.status AS order_status, o.created_at AS ordered_at, t.id AS payout_id,
                       t.amount_minor AS payout_minor, t.status AS payout_status, t.stripe_transfer_id,
                       t.stripe_reversal_id, t.updated_at AS payout_updated_at
                FROM order_lines l JOIN orders o ON o.id = l.order_id
                LEFT JOIN seller_transfers t ON t.order_line_id = l.id
                WHERE l.seller_id = :user AND o.status <> 'pending' ORDER BY o.created_at, l.position
                """,
                user);
        files.rows(
                "seller_account.json",
                "Your payout account at Stripe Connect, if you sell: its id and what Stripe allows it.",
                """
                SELECT stripe_account_id, details_submitted, charges_enabled, payouts_enabled, created_at
                FROM seller_accounts WHERE user_id = :user
                """,
                user);
        files.rows("products.json", "What you offer for sale: download or licence, terms, price, status.", """
                SELECT id, track_id, kind, licence_terms, price_minor, currency, status, created_at, updated_at
                FROM products WHERE seller_id = :user ORDER BY created_at
                """, user);
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        return Map.of();
    }

    /** Nobody can buy from a closed account. */
    @Override
    public void accountClosed(UUID userId, boolean keepPublicTracks) {
        jdbc.sql("""
                        UPDATE products SET status = 'unpublished', unpublished_by_closure = true, updated_at = now()
                        WHERE seller_id = :user AND status = 'published'
                        """).param("user", userId).update();
    }

    /** Puts back on sale what the closure took off, unless the same offer was published again meanwhile. */
    @Override
    public void accountRecovered(UUID userId) {
        jdbc.sql("""
                        UPDATE products p SET status = 'published', unpublished_by_closure = false, updated_at = now()
                        WHERE p.seller_id = :user AND p.unpublished_by_closure
                          AND NOT EXISTS (SELECT 1 FROM products o WHERE o.track_id = p.track_id AND o.kind = p.kind
                                                                     AND o.status = 'published')
                        """).param("user", userId).update();
        jdbc.sql(
                        "UPDATE products SET unpublished_by_closure = false WHERE seller_id = :user AND unpublished_by_closure")
                .param("user", userId)
                .update();
    }
}
