package fr.veza.platform.web;

import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.config.Secret;
import fr.veza.platform.config.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Short-lived URLs that carry their own authorisation: {@code path?exp=<epoch seconds>&sig=<HMAC-SHA256 of path
 * and expiry>} keyed with {@code SIGNED_URL_SECRET}. Any HLS player can follow them without custom headers, and a
 * leaked URL dies with its expiry.
 */
@Component
public class SignedUrls {

    private final SecretKeySpec key;
    private final Clock clock;
    // a Mac is not thread-safe and costly to look up; one per thread keeps verification cheap on the hot path
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SignedUrls(PlatformSettings settings, SecretResolver secrets, Clock clock) {
        Secret secret = secrets.resolve(settings.signedUrlSecret(), "SIGNED_URL_SECRET");
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
        this.clock = clock;
    }

    /** The path with {@code exp} and {@code sig} query parameters, valid until {@code expiresAt}. */
    public String sign(String path, Instant expiresAt) {
        return sign(path, "", expiresAt);
    }

    /**
     * As {@link #sign(String, Instant)}, the signature also covering {@code scope}, a word that is not in the URL:
     * the verifier states which scope it accepts, so one URL can be honoured only while the reason it was granted
     * holds.
     */
    public String sign(String path, String scope, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        return path + "?exp=" + exp + "&sig=" + signature(path, scope, exp);
    }

    /** Whether the signature matches the path and has not expired; compared in constant time. */
    public boolean verify(String path, String exp, String sig) {
        return verify(path, "", exp, sig);
    }

    /** Whether the signature matches the path in {@code scope} and has not expired. */
    public boolean verify(String path, String scope, String exp, String sig) {
        if (exp == null || sig == null) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(exp);
        } catch (NumberFormatException malformed) {
            return false;
        }
        if (clock.instant().getEpochSecond() > expiry) {
            return false;
        }
        byte[] expected = signature(path, scope, expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String path, String scope, long exp) {
        String signed = scope.isEmpty() ? path + "\n" + exp : path + "\n" + exp + "\n" + scope;
        byte[] digest = macs.get().doFinal(signed.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
