package fr.veza.identity.internal;

import fr.veza.platform.config.SecretResolver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for app passwords. The key is SHA-256 of {@code APP_PASSWORD_KEY}; each password gets a fresh 96-bit
 * nonce, and its row's id and owner are the associated data, so a ciphertext copied into another row (or another
 * person's) does not decrypt.
 */
@Component
class AppPasswordCipher {

    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    AppPasswordCipher(IdentitySettings settings, SecretResolver secrets) {
        try {
            byte[] material = secrets.resolve(settings.appPasswordKey(), "APP_PASSWORD_KEY")
                    .bytes();
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(material), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Sealed seal(UUID id, UUID userId, String password) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(id, userId));
            return new Sealed(nonce, cipher.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The password, or null when the ciphertext does not open under this key (the key was changed). */
    String open(UUID id, UUID userId, byte[] nonce, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(id, userId));
            return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException wrongKey) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] associated(UUID id, UUID userId) {
        return ByteBuffer.allocate(32)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits())
                .array();
    }

    record Sealed(byte[] nonce, byte[] ciphertext) {}
}
