package fr.veza.marketplace.providers;

import java.time.Instant;

/** A refund as the provider describes it: {@code pending}, {@code succeeded}, {@code failed} or {@code review}. */
public record ProviderRefund(String refundId, String paymentId, String status, String errorMessage, Instant updated) {}
