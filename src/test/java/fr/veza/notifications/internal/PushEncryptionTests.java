package fr.veza.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.veza.support.PushReceiver;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The encryption against RFC 8291's own example (section 5, keys in appendix A), byte for byte. */
class PushEncryptionTests {

    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String MESSAGE =
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYL"
                    + "ocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void theRfcExampleEncryptsToTheRfcMessage() throws Exception {
        KeyPair sender = PushEncryption.keyPair(PushReceiver.decode(AS_PRIVATE), PushReceiver.decode(AS_PUBLIC));

        byte[] message = PushEncryption.encrypt(
                PLAINTEXT.getBytes(StandardCharsets.UTF_8),
                PushReceiver.decode(UA_PUBLIC),
                PushReceiver.decode(AUTH),
                sender,
                PushReceiver.decode(SALT));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(message))
                .isEqualTo(MESSAGE);
    }

    @Test
    void theTestsReceiverReadsTheRfcMessageAndAFreshOne() throws Exception {
        assertThat(PushReceiver.of(UA_PRIVATE, UA_PUBLIC, AUTH).decrypt(PushReceiver.decode(MESSAGE)))
                .isEqualTo(PLAINTEXT);

        PushReceiver browser = PushReceiver.generate();
        byte[] fresh = PushEncryption.encrypt(
                "{\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8),
                PushReceiver.decode(browser.p256dh()),
                PushReceiver.decode(browser.auth()));
        assertThat(browser.decrypt(fresh)).isEqualTo("{\"body\":\"caf\u00e9\"}");
    }

    @Test
    void aKeyThatIsNotACurvePointIsRefused() {
        byte[] offCurve = PushReceiver.decode(UA_PUBLIC);
        offCurve[64] ^= 1;

        assertThatThrownBy(() -> PushEncryption.publicKey(offCurve)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> PushEncryption.publicKey(new byte[33])).isInstanceOf(GeneralSecurityException.class);
    }
}
