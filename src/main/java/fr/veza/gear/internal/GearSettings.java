package fr.veza.gear.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param warrantyNoticeDays {@code GEAR_WARRANTY_NOTICE_DAYS}: how many days before a warranty ends its owner is told
 * @param warrantyInterval {@code GEAR_WARRANTY_INTERVAL}: how often the warranty notifier runs
 * @param maxItems {@code GEAR_MAX_ITEMS}: the most items one person may keep
 */
@Validated
@ConfigurationProperties("veza.gear")
public record GearSettings(
        @Min(1) @Max(365) int warrantyNoticeDays,
        @NotNull @PositiveDuration Duration warrantyInterval,
        @Min(1) int maxItems) {}
