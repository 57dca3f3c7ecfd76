package fr.veza.identity.internal;

import fr.veza.platform.config.PositiveDuration;
import fr.veza.platform.config.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param jwtSecret {@code JWT_SECRET}: HMAC key of access tokens; generated and kept under the data directory in
 *     development when unset
 * @param accessTokenTtl {@code ACCESS_TOKEN_TTL}
 * @param refreshTokenTtl {@code REFRESH_TOKEN_TTL}
 * @param adminEmail {@code VEZA_ADMIN_EMAIL}: the first admin, created or promoted at start
 * @param adminPassword {@code VEZA_ADMIN_PASSWORD}: that admin's password when it is created
 * @param login attempt limits
 * @param sessionRetention {@code SESSION_RETENTION}: how long expired or revoked sessions stay visible
 * @param sessionCleanupInterval {@code SESSION_CLEANUP_INTERVAL}
 * @param emailHashKey {@code EMAIL_HASH_KEY}: HMAC key under which a closed account keeps its login email for
 *     recovery; generated and kept under the data directory in development when unset
 * @param recoveryPeriod {@code ACCOUNT_RECOVERY_PERIOD}: how long a closed account can be recovered before erasure
 * @param appPasswordKey {@code APP_PASSWORD_KEY}: the key app passwords are encrypted under (AES-GCM); generated
 *     and kept under the data directory in development, required in production
 */
@Validated
@ConfigurationProperties("veza.identity")
public record IdentitySettings(
        Secret jwtSecret,
        @NotNull @PositiveDuration Duration accessTokenTtl,
        @NotNull @PositiveDuration Duration refreshTokenTtl,
        @Email String adminEmail,
        Secret adminPassword,
        @NotNull @Valid LoginLimits login,
        @NotNull @PositiveDuration Duration sessionRetention,
        @NotNull @PositiveDuration Duration sessionCleanupInterval,
        Secret emailHashKey,
        @NotNull @PositiveDuration Duration recoveryPeriod,
        Secret appPasswordKey) {

    static final int MIN_SECRET_LENGTH = 32;

    @AssertTrue(message = "JWT_SECRET must be at least 32 characters when set")
    boolean isJwtSecretLongEnough() {
        return jwtSecret == null || jwtSecret.isBlank() || jwtSecret.value().length() >= MIN_SECRET_LENGTH;
    }

    @AssertTrue(message = "EMAIL_HASH_KEY must be at least 32 characters when set")
    boolean isEmailHashKeyLongEnough() {
        return emailHashKey == null
                || emailHashKey.isBlank()
                || emailHashKey.value().length() >= MIN_SECRET_LENGTH;
    }

    @AssertTrue(message = "APP_PASSWORD_KEY must be at least 32 characters when set")
    boolean isAppPasswordKeyLongEnough() {
        return appPasswordKey == null
                || appPasswordKey.isBlank()
                || appPasswordKey.value().length() >= MIN_SECRET_LENGTH;
    }

    @AssertTrue(message = "VEZA_ADMIN_PASSWORD must be set when VEZA_ADMIN_EMAIL is")
    boolean isAdminPasswordGiven() {
        return adminEmail == null || adminEmail.isBlank() || (adminPassword != null && !adminPassword.isBlank());
    }

    /**
     * @param perIpPerMinute {@code LOGIN_RATE_LIMIT_PER_IP}: attempts per client address per minute
     * @param failuresPerAccount {@code LOGIN_RATE_LIMIT_PER_ACCOUNT}: failed attempts per account per window
     * @param accountWindow {@code LOGIN_RATE_LIMIT_ACCOUNT_WINDOW}; also the window of failed recoveries per account
     * @param registrationsPerIpPerHour {@code REGISTRATION_RATE_LIMIT_PER_IP}: sign-ups per client address per hour
     * @param registrationsPerMinute {@code REGISTRATION_RATE_LIMIT_GLOBAL}: sign-ups per minute from everyone
     */
    public record LoginLimits(
            @Min(1) int perIpPerMinute,
            @Min(1) int failuresPerAccount,
            @NotNull @PositiveDuration Duration accountWindow,
            @Min(1) int registrationsPerIpPerHour,
            @Min(1) int registrationsPerMinute) {}
}
