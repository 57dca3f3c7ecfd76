package fr.veza.notifications.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param interval {@code NOTIFICATION_MAIL_INTERVAL}: how often the instant mail worker runs
 * @param batchWindow {@code NOTIFICATION_MAIL_BATCH_WINDOW}: how long a notification waits for others to share its
 *     mail, so a burst of likes makes one mail
 * @param maxAttempts {@code NOTIFICATION_MAIL_MAX_ATTEMPTS}: sends tried before a mail is given up
 */
@Validated
@ConfigurationProperties("veza.notifications.mail")
public record NotificationMailSettings(
        @NotNull @PositiveDuration Duration interval,
        @NotNull Duration batchWindow,
        @Min(1) @Max(20) int maxAttempts) {}
