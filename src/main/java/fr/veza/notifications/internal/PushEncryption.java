package fr.veza.notifications.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291, the {@code aes128gcm} content coding of RFC 8188), on the JDK's own
 * P-256, HMAC and AES-GCM: the Java Web Push library brings two HTTP clients, an old Netty and a command-line
 * parser for what is these few steps, and its BouncyCastle is a different artefact from ours. Checked against the
 * RFC's own example in {@code PushEncryptionTests}.
 */
final class PushEncryption {

    private static final int RECORD_SIZE = 4096;
    private static final ECParameterSpec P256 = p256();

    private PushEncryption() {}

    /**
     * The body to post to the subscription's endpoint: salt, record size, this message's public key, then the one
     * encrypted record.
     *
     * @param receiverKey the subscription's {@code p256dh}: an uncompressed P-256 point
     * @param authSecret the subscription's {@code auth}: 16 bytes
     */
    static byte[] encrypt(byte[] plaintext, byte[] receiverKey, byte[] authSecret) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(P256, random);
        return encrypt(plaintext, receiverKey, authSecret, generator.generateKeyPair(), salt);
    }

    /** With the sender's key pair and salt given, as the RFC's example fixes them. */
    static byte[] encrypt(byte[] plaintext, byte[] receiverKey, byte[] authSecret, KeyPair sender, byte[] salt)
            throws GeneralSecurityException {
        if (plaintext.length > RECORD_SIZE - 17 - 86) {
            throw new IllegalArgumentException("a push message holds at most 3993 bytes");
        }
        byte[] senderKey = point((ECPublicKey) sender.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(sender.getPrivate());
        agreement.doPhase(publicKey(receiverKey), true);
        byte[] shared = agreement.generateSecret();

        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverKey, senderKey);
        byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
        byte[] prk = hmac(salt, ikm);
        byte[] contentKey = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        // one record, so it is the last: its padding delimiter is 2
        byte[] record = cipher.doFinal(concat(plaintext, new byte[] {2}));

        return ByteBuffer.allocate(16 + 4 + 1 + senderKey.length + record.length)
                .put(salt)
                .putInt(RECORD_SIZE)
                .put((byte) senderKey.length)
                .put(senderKey)
                .put(record)
                .array();
    }

    /** A P-256 public key from its uncompressed form (0x04, x, y), as browsers give {@code p256dh}. */
    static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        ECPoint point = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        if (!onCurve(point)) {
            throw new GeneralSecurityException("not a point of P-256");
        }
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
    }

    /** y^2 = x^3 + ax + b (mod p), which the JDK's key factory does not check. */
    private static boolean onCurve(ECPoint point) {
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3)
                .add(P256.getCurve().getA().multiply(x))
                .add(P256.getCurve().getB())
                .mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    static KeyPair keyPair(byte[] privateScalar, byte[] publicPoint) throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("EC");
        return new KeyPair(
                publicKey(publicPoint),
                keys.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateScalar), P256)));
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(P256, new SecureRandom());
        return generator.generateKeyPair();
    }

    static byte[] point(ECPublicKey key) {
        return concat(
                new byte[] {4},
                unsigned(key.getW().getAffineX()),
                unsigned(key.getW().getAffineY()));
    }

    /** A 32-byte big-endian scalar or coordinate, as the Web Push formats write them. */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        return expand(hmac(salt, ikm), info, length);
    }

    /** HKDF-Expand for at most one block, all Web Push needs. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        ByteBuffer all = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(all::put);
        return all.array();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }
}
