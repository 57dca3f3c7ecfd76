package fr.veza.platform.worker;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled {@code WORKERS_ENABLED}: false makes this instance serve HTTP only (scale-out roles)
 * @param shutdownGrace {@code WORKERS_SHUTDOWN_GRACE}: how long shutdown waits for running items
 */
@Validated
@ConfigurationProperties("veza.workers")
public record WorkerSettings(
        boolean enabled, @NotNull @PositiveDuration Duration shutdownGrace) {}
