package fr.veza.developer.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param deliveryInterval {@code WEBHOOK_DELIVERY_INTERVAL}: how often due deliveries are sent
 * @param timeout {@code WEBHOOK_TIMEOUT}: how long a receiver has to answer
 * @param maxAttempts {@code WEBHOOK_MAX_ATTEMPTS}: tries before a delivery is given up
 * @param disableAfter {@code WEBHOOK_DISABLE_AFTER}: consecutive failed attempts that disable an endpoint
 * @param maxEndpointsPerUser {@code WEBHOOK_MAX_ENDPOINTS_PER_USER}
 * @param allowPrivateTargets {@code WEBHOOKS_ALLOW_PRIVATE_TARGETS}: also http and local targets, for development
 */
@Validated
@ConfigurationProperties("veza.webhooks")
public record WebhookSettings(
        @NotNull @PositiveDuration Duration deliveryInterval,
        @NotNull @PositiveDuration Duration timeout,
        @Min(1) @Max(50) int maxAttempts,
        @Min(1) int disableAfter,
        @Min(1) @Max(100) int maxEndpointsPerUser,
        boolean allowPrivateTargets) {}
