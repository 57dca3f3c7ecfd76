package fr.veza.notifications.internal;

import fr.veza.platform.config.PositiveDuration;
import fr.veza.platform.config.Secret;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param vapidPublicKey {@code VAPID_PUBLIC_KEY}: the application server's P-256 public key, base64url of its
 *     uncompressed point, as {@code web-push generate-vapid-keys} prints it; with the private key, or neither
 * @param vapidPrivateKey {@code VAPID_PRIVATE_KEY}: its private key, base64url of the 32-byte scalar; both unset,
 *     a pair is generated and kept under the data directory outside production, and Web Push is off in production
 * @param vapidSubject {@code VAPID_SUBJECT}: how push services reach the operator, a {@code mailto:} or https URL;
 *     empty means PUBLIC_BASE_URL
 * @param ttl {@code PUSH_TTL}: how long a push service keeps a message for a device that is offline
 * @param allowPrivateEndpoints {@code PUSH_ALLOW_PRIVATE_ENDPOINTS}: accept push endpoints on http and private
 *     addresses (a push service on a development machine); never in production
 */
@Validated
@ConfigurationProperties("veza.notifications.push")
public record PushSettings(
        String vapidPublicKey,
        Secret vapidPrivateKey,
        String vapidSubject,
        @NotNull @PositiveDuration Duration ttl,
        boolean allowPrivateEndpoints) {}
