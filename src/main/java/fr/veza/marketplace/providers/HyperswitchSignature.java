package fr.veza.marketplace.providers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hyperswitch's webhook signature: the hex HMAC-SHA512 of the raw body, keyed with the merchant's payment response
 * hash key, in {@code X-Webhook-Signature-512}. It covers no timestamp, so replays are caught elsewhere (event ids).
 */
public final class HyperswitchSignature {

    public static final String HEADER = "X-Webhook-Signature-512";

    private HyperswitchSignature() {}

    public static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA512 unavailable", e);
        }
    }

    /** Constant-time: the comparison takes as long whatever the first differing byte. */
    public static boolean verify(byte[] key, byte[] body, String signature) {
        if (signature == null || signature.isBlank() || key.length == 0) {
            return false;
        }
        byte[] expected = sign(key, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
