package fr.veza.marketplace.providers;

import java.time.Instant;

/**
 * A payment as the provider describes it. {@code status} is the provider's word ({@code succeeded},
 * {@code failed}, {@code processing}, {@code requires_payment_method}, ...); {@code updated} its time of the last
 * change, when it says.
 */
public record ProviderPayment(
        String paymentId, String status, String clientSecret, long amountMinor, String currency, Instant updated) {}
