package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Routes that anyone may call without an account are limited too: sign-ups per address, recovery guesses per
 * account whatever the address, and forged payment deliveries per address (counted, not stored).
 */
@TestPropertySource(
        properties = {
            "veza.webhooks.allow-private-targets=false",
            "veza.workers.enabled=false",
            "veza.identity.login.registrations-per-ip-per-hour=3",
            "veza.identity.login.failures-per-account=3"
        })
class FloodLimitsIntegrationTests extends IntegrationTest {

    @Test
    void oneAddressCannotSignUpMoreThanItsHourlyAllowance() {
        Api client = api();
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(client, "flood" + i).status()).isEqualTo(201);
        }

        String name = "flood" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse refused = signUp(client, name);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = :name")
                        .param("name", name)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(signUp(api(), "elsewhere" + UUID.randomUUID().toString().substring(0, 8))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void recoveryGuessesAreLimitedPerAccountWhateverTheAddress() {
        String email = "closed-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            ApiResponse wrong =
                    api().post("/api/v1/auth/recover", Map.of("email", email, "password", "guess number " + i));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }

        ApiResponse refused = api().post("/api/v1/auth/recover", Map.of("email", email, "password", "one more guess"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void aFloodOfBadlySignedPaymentDeliveriesIsCountedNotStored() {
        String source = "203.0.113." + (1 + (int) (Math.random() * 250));
        Api forger = new Api(port).from(source).with("X-Webhook-Signature-512", "00");
        String body = "{\"event_type\":\"payment_succeeded\",\"padding\":\"" + "x".repeat(50_000) + "\"}";
        for (int i = 0; i < 30; i++) {
            assertThat(forger.send("POST", "/api/v1/webhooks/hyperswitch", "application/json", body)
                            .status())
                    .isEqualTo(401);
        }

        long logged = jdbc.sql("SELECT count(*) FROM hyperswitch_webhook_log WHERE source_ip = :ip")
                .param("ip", source)
                .query(Long.class)
                .single();
        long largest = jdbc.sql(
                        "SELECT coalesce(max(length(payload)), 0) FROM hyperswitch_webhook_log WHERE source_ip = :ip")
                .param("ip", source)
                .query(Long.class)
                .single();
        assertThat(logged).isBetween(1L, 20L);
        assertThat(largest).isLessThanOrEqualTo(2048L);
    }

    private static ApiResponse signUp(Api client, String name) {
        return client.post(
                "/api/v1/auth/register",
                Map.of(
                        "email",
                        name + "-" + UUID.randomUUID() + "@example.com",
                        "username",
                        name + UUID.randomUUID().toString().substring(0, 6),
                        "password",
                        "a long enough passphrase"));
    }
}
