package fr.veza.marketplace.internal;

import java.time.Instant;
import java.util.UUID;

/** A seller's Stripe Connect account and what Stripe last said it can do. */
public record SellerAccount(
        UUID userId,
        String stripeAccountId,
        boolean detailsSubmitted,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        Instant createdAt,
        Instant refreshedAt) {}
