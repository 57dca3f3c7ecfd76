package fr.veza.marketplace.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SellerAccountRepository {

    private final JdbcClient jdbc;

    SellerAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SellerAccount> find(UUID userId) {
        return jdbc.sql("SELECT user_id, stripe_account_id, details_submitted, charges_enabled, payouts_enabled,"
                        + " created_at, refreshed_at FROM seller_accounts WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new SellerAccount(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("stripe_account_id"),
                        rs.getBoolean("details_submitted"),
                        rs.getBoolean("charges_enabled"),
                        rs.getBoolean("payouts_enabled"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("refreshed_at").toInstant()))
                .optional();
    }

    void insertIfAbsent(UUID userId, String stripeAccountId) {
        jdbc.sql("INSERT INTO seller_accounts (user_id, stripe_account_id) VALUES (:user, :account)"
                        + " ON CONFLICT (user_id) DO NOTHING")
                .param("user", userId)
                .param("account", stripeAccountId)
                .update();
    }

    void refreshed(UUID userId, boolean detailsSubmitted, boolean chargesEnabled, boolean payoutsEnabled) {
        jdbc.sql("UPDATE seller_accounts SET details_submitted = :details, charges_enabled = :charges,"
                        + " payouts_enabled = :payouts, refreshed_at = now() WHERE user_id = :user")
                .param("details", detailsSubmitted)
                .param("charges", chargesEnabled)
                .param("payouts", payoutsEnabled)
                .param("user", userId)
                .update();
    }
}
