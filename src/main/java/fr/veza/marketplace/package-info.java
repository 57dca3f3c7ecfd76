/**
 * The marketplace: products, orders paid through Hyperswitch, refunds, and payouts to sellers through Stripe
 * Connect, with the workers that keep money honest (transfer retry, reversal, reconciliation, webhook log
 * retention). Every state of an order, refund or payout is a row someone can read.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog"})
package fr.veza.marketplace;

import org.springframework.modulith.ApplicationModule;
