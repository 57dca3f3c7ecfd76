package fr.veza.marketplace.internal;

import fr.veza.platform.config.AbsoluteHttpUrl;
import fr.veza.platform.config.PositiveDuration;
import fr.veza.platform.config.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The marketplace's settings; {@code .env.template} documents each variable.
 *
 * @param platformFeePercent {@code PLATFORM_FEE_PERCENT}: the platform's share of each sale, 0 to 100
 * @param refundWindow {@code REFUND_WINDOW}: how long after payment a buyer may ask for a refund
 * @param webhookLogRetentionDays {@code HYPERSWITCH_WEBHOOK_LOG_RETENTION_DAYS}: 0 or less means 90
 */
@Validated
@ConfigurationProperties("veza.marketplace")
public record MarketplaceSettings(
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal platformFeePercent,
        @NotNull @PositiveDuration Duration refundWindow,
        int webhookLogRetentionDays,
        @NotNull @Valid Hyperswitch hyperswitch,
        @NotNull @Valid Stripe stripe,
        @NotNull @Valid TransferRetry transferRetry,
        @NotNull @Valid Reversal reversal,
        @NotNull @Valid Reconcile reconcile,
        @NotNull @Valid OrderExpiry orderExpiry) {

    static final int DEFAULT_WEBHOOK_LOG_RETENTION_DAYS = 90;

    public int effectiveWebhookLogRetentionDays() {
        return webhookLogRetentionDays <= 0 ? DEFAULT_WEBHOOK_LOG_RETENTION_DAYS : webhookLogRetentionDays;
    }

    /**
     * @param url {@code HYPERSWITCH_URL}
     * @param apiKey {@code HYPERSWITCH_API_KEY}: empty runs the built-in sandbox (refused in production)
     * @param responseHashKey {@code HYPERSWITCH_RESPONSE_HASH_KEY}: the key webhooks are signed with
     * @param timeout {@code HYPERSWITCH_TIMEOUT}
     * @param publishableKey {@code HYPERSWITCH_PUBLISHABLE_KEY}: the browser's key for the payment form (public)
     * @param sdkUrl {@code HYPERSWITCH_SDK_URL}: where the browser loads Hyperswitch's payment form from
     */
    public record Hyperswitch(
            @NotNull @AbsoluteHttpUrl URI url,
            Secret apiKey,
            Secret responseHashKey,
            @NotNull @PositiveDuration Duration timeout,
            String publishableKey,
            @NotNull @AbsoluteHttpUrl URI sdkUrl) {

        public boolean sandbox() {
            return apiKey == null || apiKey.isBlank();
        }

        /** Whether the browser can be given Hyperswitch's payment form (it needs the publishable key). */
        public boolean paymentForm() {
            return publishableKey != null && !publishableKey.isBlank();
        }
    }

    /**
     * @param secretKey {@code STRIPE_SECRET_KEY}: empty runs the built-in sandbox (refused in production)
     * @param apiBase {@code STRIPE_API_BASE}
     * @param connectReturnUrl {@code STRIPE_CONNECT_RETURN_URL}: where onboarding sends the seller back; empty
     *     means the selling page under PUBLIC_BASE_URL
     */
    public record Stripe(
            Secret secretKey, @NotNull @AbsoluteHttpUrl URI apiBase, URI connectReturnUrl) {

        public boolean sandbox() {
            return secretKey == null || secretKey.isBlank();
        }
    }

    /** {@code TRANSFER_RETRY_ENABLED}, {@code TRANSFER_RETRY_INTERVAL}, {@code TRANSFER_RETRY_MAX_ATTEMPTS}. */
    public record TransferRetry(
            boolean enabled,
            @NotNull @PositiveDuration Duration interval,
            @Min(1) @Max(100) int maxAttempts) {}

    /**
     * {@code REVERSAL_WORKER_ENABLED}, {@code REVERSAL_MAX_RETRIES}, {@code REVERSAL_CHECK_INTERVAL},
     * {@code REVERSAL_BACKOFF_BASE}, {@code REVERSAL_BACKOFF_MAX}.
     */
    public record Reversal(
            boolean enabled,
            @Min(1) @Max(100) int maxRetries,
            @NotNull @PositiveDuration Duration checkInterval,
            @NotNull @PositiveDuration Duration backoffBase,
            @NotNull @PositiveDuration Duration backoffMax) {}

    /**
     * {@code RECONCILE_WORKER_ENABLED}, {@code RECONCILE_INTERVAL}, {@code RECONCILE_ORDER_STUCK_AFTER},
     * {@code RECONCILE_REFUND_STUCK_AFTER}, {@code RECONCILE_REFUND_ORPHAN_AFTER}.
     */
    public record Reconcile(
            boolean enabled,
            @NotNull @PositiveDuration Duration interval,
            @NotNull @PositiveDuration Duration orderStuckAfter,
            @NotNull @PositiveDuration Duration refundStuckAfter,
            @NotNull @PositiveDuration Duration refundOrphanAfter) {}

    /**
     * {@code ORDER_EXPIRY_ENABLED}, {@code ORDER_EXPIRY_INTERVAL}, and {@code ORDER_ABANDON_AFTER}: how long an
     * order may wait for its payment before the payment is cancelled and the order failed.
     */
    public record OrderExpiry(
            boolean enabled,
            @NotNull @PositiveDuration Duration interval,
            @NotNull @PositiveDuration Duration abandonAfter) {}
}
