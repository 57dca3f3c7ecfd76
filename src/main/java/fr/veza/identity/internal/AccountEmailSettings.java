package fr.veza.identity.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param passwordResetTtl {@code PASSWORD_RESET_TTL}: how long a password reset link works
 * @param verificationTtl {@code EMAIL_VERIFICATION_TTL}: how long an email verification link works
 * @param resetsPerAddressPerHour {@code PASSWORD_RESET_PER_ADDRESS}: reset mails asked for one email address
 * @param resetsPerClientPerHour {@code PASSWORD_RESET_PER_IP}: reset requests from one client address
 * @param resendsPerHour {@code EMAIL_VERIFICATION_RESENDS_PER_HOUR}: verification mails a person may ask again
 */
@Validated
@ConfigurationProperties("veza.account-emails")
public record AccountEmailSettings(
        @NotNull @PositiveDuration Duration passwordResetTtl,
        @NotNull @PositiveDuration Duration verificationTtl,
        @Min(1) int resetsPerAddressPerHour,
        @Min(1) int resetsPerClientPerHour,
        @Min(1) int resendsPerHour) {}
