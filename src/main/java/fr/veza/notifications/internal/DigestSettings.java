package fr.veza.notifications.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param day {@code DIGEST_DAY}: the day of the week the digest goes out, in each person's time zone
 * @param hour {@code DIGEST_HOUR}: from which hour of that day (0 to 23)
 * @param interval {@code DIGEST_INTERVAL}: how often the digest worker looks for people due
 */
@Validated
@ConfigurationProperties("veza.notifications.digest")
public record DigestSettings(
        @NotNull DayOfWeek day,
        @Min(0) @Max(23) int hour,
        @NotNull @PositiveDuration Duration interval) {}
