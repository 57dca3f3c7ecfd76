package fr.veza.platform.events;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param retryInterval {@code EVENT_RETRY_INTERVAL}: how often failed event listeners are tried again
 * @param retryAfter {@code EVENT_RETRY_AFTER}: how long a delivery may stay incomplete before it counts as failed
 * @param retention {@code EVENT_RETENTION}: how long completed deliveries stay in the log
 */
@Validated
@ConfigurationProperties("veza.events")
public record EventSettings(
        @NotNull @PositiveDuration Duration retryInterval,
        @NotNull @PositiveDuration Duration retryAfter,
        @NotNull @PositiveDuration Duration retention) {}
