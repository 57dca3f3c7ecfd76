package fr.veza.notifications.internal;

import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Veza's identity towards push services (VAPID, RFC 8292): a P-256 key pair whose public half browsers subscribe
 * with, and a short signed token on every push. Configured keys win; outside production a pair is generated once and
 * kept under the data directory; in production without keys, Web Push is off (the rest of notifications works).
 */
@Component
class Vapid {

    private static final Logger log = LoggerFactory.getLogger(Vapid.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String publicKey;
    private final String subject;

    Vapid(PushSettings settings, PlatformSettings platform) {
        this.keys = resolve(settings, platform);
        this.publicKey =
                keys == null ? null : BASE64URL.encodeToString(PushEncryption.point((ECPublicKey) keys.getPublic()));
        this.subject =
                settings.vapidSubject() == null || settings.vapidSubject().isBlank()
                        ? platform.publicBaseUrl().toString()
                        : settings.vapidSubject();
    }

    /** The key browsers subscribe with ({@code applicationServerKey}); empty when Web Push is off. */
    Optional<String> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** The {@code Authorization} header of a push to {@code endpoint}: a token for its origin, valid 12 hours. */
    String authorization(URI endpoint, Instant now) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String header = encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        String claims = encode("{\"aud\":\"" + json(audience) + "\",\"exp\":"
                + now.plusSeconds(12 * 3600).getEpochSecond() + ",\"sub\":\"" + json(subject) + "\"}");
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(keys.getPrivate());
            es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + header + "." + claims + "." + BASE64URL.encodeToString(es256.sign()) + ", k="
                    + publicKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a VAPID token could not be signed", e);
        }
    }

    private static KeyPair resolve(PushSettings settings, PlatformSettings platform) {
        boolean hasPublic =
                settings.vapidPublicKey() != null && !settings.vapidPublicKey().isBlank();
        boolean hasPrivate = settings.vapidPrivateKey() != null
                && !settings.vapidPrivateKey().isBlank();
        if (hasPublic != hasPrivate) {
            throw new IllegalStateException("set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither");
        }
        if (hasPublic) {
            return pair(settings.vapidPublicKey(), settings.vapidPrivateKey(), "VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY");
        }
        if (platform.environment().isProduction()) {
            log.warn("notifications: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are unset, Web Push is off");
            return null;
        }
        Path file = platform.dataDir().resolve("secrets").resolve("vapid_keys");
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                return pair(lines.get(0).trim(), new Secret(lines.get(1).trim()), file.toString());
            }
            KeyPair generated = PushEncryption.newKeyPair();
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    BASE64URL.encodeToString(PushEncryption.point((ECPublicKey) generated.getPublic())) + "\n"
                            + BASE64URL.encodeToString(
                                    PushEncryption.unsigned(((ECPrivateKey) generated.getPrivate()).getS()))
                            + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development VAPID keys at " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate VAPID keys", e);
        }
    }

    /** The configured pair, checked to be one: a private key that does not sign for the public one is refused. */
    private static KeyPair pair(String publicKey, Secret privateKey, String source) {
        try {
            KeyPair pair = PushEncryption.keyPair(
                    Base64.getUrlDecoder().decode(privateKey.value()),
                    Base64.getUrlDecoder().decode(publicKey));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(new byte[] {1});
            byte[] signature = signer.sign();
            signer.initVerify(pair.getPublic());
            signer.update(new byte[] {1});
            if (!signer.verify(signature)) {
                throw new IllegalStateException(source + ": the private key is not the public key's");
            }
            return pair;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not a base64url P-256 key pair", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
