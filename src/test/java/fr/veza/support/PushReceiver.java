package fr.veza.support;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of Web Push, written from RFC 8291 and RFC 8188 independently of the server's code: its own key
 * pair and auth secret to subscribe with, and the decryption of what the push service received. It reads the
 * sender's key, salt and record size from the message itself, as a browser does.
 */
public final class PushReceiver {

    private final KeyPair keys;
    private final byte[] publicPoint;
    private final byte[] auth;

    private PushReceiver(KeyPair keys, byte[] publicPoint, byte[] auth) {
        this.keys = keys;
        this.publicPoint = publicPoint;
        this.auth = auth;
    }

    public static PushReceiver generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new PushReceiver(keys, point((ECPublicKey) keys.getPublic()), auth);
    }

    /** The receiver of RFC 8291's own example. */
    public static PushReceiver of(String privateKey, String publicKey, String auth) throws Exception {
        ECParameterSpec p256 = p256();
        KeyFactory factory = KeyFactory.getInstance("EC");
        byte[] point = decode(publicKey);
        PrivateKey secret = factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, decode(privateKey)), p256));
        return new PushReceiver(new KeyPair(publicKey(point), secret), point, decode(auth));
    }

    public String p256dh() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicPoint);
    }

    public String auth() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    public String decrypt(byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        if (record.length > recordSize) {
            throw new IllegalStateException("more than one record");
        }

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.getPrivate());
        agreement.doPhase(publicKey(senderKey), true);
        byte[] shared = agreement.generateSecret();
        byte[] info = join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicPoint, senderKey);
        byte[] ikm = Arrays.copyOf(hmac(hmac(auth, shared), join(info, new byte[] {1})), 32);
        byte[] prk = hmac(salt, ikm);
        byte[] key = Arrays.copyOf(
                hmac(prk, join("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})),
                16);
        byte[] nonce = Arrays.copyOf(
                hmac(prk, join("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("the last record must end with the delimiter 2");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    public static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    private static ECPublicKey publicKey(byte[] point) throws Exception {
        ECPoint w = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256()));
    }

    private static byte[] point(ECPublicKey key) {
        return join(
                new byte[] {4}, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
    }

    private static byte[] fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        ByteBuffer all =
                ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        Arrays.stream(parts).forEach(all::put);
        return all.array();
    }

    private static ECParameterSpec p256() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
