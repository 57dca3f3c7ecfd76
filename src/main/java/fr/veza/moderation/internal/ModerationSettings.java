package fr.veza.moderation.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param sla {@code MODERATION_SLA}: how long a report may wait before admins and moderators are told
 * @param reportsPerHour {@code MODERATION_REPORTS_PER_HOUR}: reports one person may file per hour
 * @param interval {@code MODERATION_INTERVAL}: how often the moderation worker runs
 */
@Validated
@ConfigurationProperties("veza.moderation")
public record ModerationSettings(
        @NotNull @PositiveDuration Duration sla,
        @Min(1) int reportsPerHour,
        @NotNull @PositiveDuration Duration interval) {}
