package fr.veza.identity.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param readsPerHour {@code API_KEY_READS_PER_HOUR}: GET and HEAD requests per key per hour
 * @param writesPerHour {@code API_KEY_WRITES_PER_HOUR}: other requests per key per hour
 * @param maxPerUser {@code API_KEY_MAX_PER_USER}: live keys a person may hold
 */
@Validated
@ConfigurationProperties("veza.api-keys")
public record ApiKeySettings(
        @Min(1) long readsPerHour,
        @Min(1) long writesPerHour,
        @Min(1) @Max(1000) int maxPerUser) {}
