package fr.veza.notifications.internal;

import fr.veza.notifications.internal.PushSubscriptions.Subscription;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's devices for Web Push, as the API and the settings page manage them: a subscription is checked before
 * it is kept (an https endpoint on a public address, a real P-256 key, a 16-byte secret), so nothing stored can make
 * Veza post to an internal address or fail to encrypt.
 */
@Service
public class PushSubscriptionService {

    private static final int MAX_ENDPOINT = 2048;

    private final PushSubscriptions subscriptions;
    private final NotificationPush push;
    private final Vapid vapid;

    PushSubscriptionService(PushSubscriptions subscriptions, NotificationPush push, Vapid vapid) {
        this.subscriptions = subscriptions;
        this.push = push;
        this.vapid = vapid;
    }

    /** The key browsers subscribe with; empty when this server has no VAPID keys. */
    public Optional<String> publicKey() {
        return vapid.publicKey();
    }

    @Transactional
    public Subscription subscribe(UUID userId, String endpoint, String p256dh, String auth, String userAgent) {
        if (vapid.publicKey().isEmpty()) {
            throw new VezaException(ErrorCode.SERVICE_UNAVAILABLE, "Web Push is not configured on this server.");
        }
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
            throw VezaException.invalid("endpoint", "must be the push service URL the browser gave");
        }
        push.requireAllowed(endpoint);
        try {
            PushEncryption.publicKey(decode(p256dh, "keys.p256dh"));
        } catch (GeneralSecurityException e) {
            throw VezaException.invalid("keys.p256dh", "must be an uncompressed P-256 public key, base64url");
        }
        if (decode(auth, "keys.auth").length != 16) {
            throw VezaException.invalid("keys.auth", "must be 16 bytes, base64url");
        }
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
        return subscriptions.save(userId, endpoint.trim(), p256dh, auth, agent);
    }

    public List<Subscription> of(UUID userId) {
        return subscriptions.of(userId);
    }

    public void remove(UUID userId, UUID id) {
        if (!subscriptions.delete(userId, id)) {
            throw VezaException.notFound("Push subscription " + id);
        }
    }

    /** The browser unsubscribing knows its endpoint, not our id; an endpoint not (or no longer) kept is fine. */
    public void removeEndpoint(UUID userId, String endpoint) {
        if (endpoint != null) {
            subscriptions.deleteEndpoint(userId, endpoint.trim());
        }
    }

    private static byte[] decode(String value, String field) {
        try {
            if (value == null || value.length() > 200) {
                throw new IllegalArgumentException();
            }
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw VezaException.invalid(field, "must be base64url");
        }
    }
}
