package fr.veza.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every capability, read from the environment variables that {@code application.yml}
 * maps (see {@code .env.template}).
 *
 * @param environment {@code APP_ENV}
 * @param dataDir {@code VEZA_DATA_DIR}: where embedded stores keep their files
 * @param publicBaseUrl {@code PUBLIC_BASE_URL}: the address users reach Veza at
 * @param trustedProxies {@code TRUSTED_PROXIES}: addresses or CIDR ranges allowed to set X-Forwarded-For
 * @param maxRequestBody {@code HTTP_MAX_BODY_SIZE}: the cap on a non-upload request body
 * @param redisUrl {@code REDIS_URL}: empty means in-process caches and limits
 * @param signedUrlSecret {@code SIGNED_URL_SECRET}: HMAC key of signed media URLs; generated in development
 * @param signedUrlTtl {@code SIGNED_URL_TTL}: how long a signed URL stays valid (media also get their duration)
 */
@Validated
@ConfigurationProperties("veza.platform")
public record PlatformSettings(
        @NotNull AppEnvironment environment,
        @NotNull Path dataDir,
        @NotNull @AbsoluteHttpUrl URI publicBaseUrl,
        @NotNull List<@NotNull @IpRange String> trustedProxies,
        @NotNull @PositiveSize DataSize maxRequestBody,
        @Valid RedisUrl redisUrl,
        Secret signedUrlSecret,
        @NotNull @PositiveDuration Duration signedUrlTtl) {

    public PlatformSettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    @AssertTrue(message = "SIGNED_URL_SECRET must be at least 32 characters when set")
    boolean isSignedUrlSecretLongEnough() {
        return signedUrlSecret == null
                || signedUrlSecret.isBlank()
                || signedUrlSecret.value().length() >= 32;
    }

    public boolean hasRedis() {
        return redisUrl != null;
    }
}
