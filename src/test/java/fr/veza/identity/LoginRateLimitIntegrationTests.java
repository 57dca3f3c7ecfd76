package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
        properties = {
            "veza.identity.login.per-ip-per-minute=5",
            "veza.identity.login.failures-per-account=3",
            "veza.identity.login.account-window=15m"
        })
class LoginRateLimitIntegrationTests extends IntegrationTest {

    @Test
    void oneAddressIsLimitedAcrossAccounts() {
        Api client = api();
        for (int i = 0; i < 5; i++) {
            ApiResponse attempt =
                    client.post("/api/v1/auth/login", Map.of("login", "nobody" + i, "password", "wrong one"));
            assertThat(attempt.status()).isEqualTo(401);
        }

        ApiResponse limited = client.post("/api/v1/auth/login", Map.of("login", "nobody9", "password", "wrong one"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void failuresAgainstOneAccountAreLimitedWhateverTheAddress() {
        TestUser user = register();
        for (int i = 0; i < 3; i++) {
            api().post("/api/v1/auth/login", Map.of("login", user.username(), "password", "guess number " + i));
        }

        ApiResponse evenWithTheRightPassword =
                api().post("/api/v1/auth/login", Map.of("login", user.email(), "password", user.password()));

        assertThat(evenWithTheRightPassword.status()).isEqualTo(429);
        assertThat(evenWithTheRightPassword.header("Retry-After")).isNotBlank();
    }

    @Test
    void aPlayerWithAStalePasswordSlowsItselfDownButNeverThePersonsLogin() {
        TestUser user = register();
        String password = as(user).post("/api/v1/me/app-passwords", Map.of("name", "old phone"))
                .field("password");
        for (int i = 0; i < 3; i++) {
            ApiResponse stale = api().get("/rest/ping?f=json&u=" + user.username() + "&p=stale-" + i);
            assertThat(stale.json()
                            .get("subsonic-response")
                            .get("error")
                            .get("code")
                            .asInt())
                    .isEqualTo(40);
        }

        ApiResponse limited = api().get("/rest/ping?f=json&u=" + user.username() + "&p=" + password);
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.json()
                        .get("subsonic-response")
                        .get("error")
                        .get("message")
                        .asText())
                .startsWith("Too many failed sign-ins");
        assertThat(api().post("/api/v1/auth/login", Map.of("login", user.username(), "password", user.password()))
                        .status())
                .as("the person's own login is another bucket")
                .isEqualTo(200);
    }

    @Test
    void successfulLoginsDoNotCountAgainstTheAccount() {
        TestUser user = register();
        for (int i = 0; i < 4; i++) {
            ApiResponse login =
                    api().post("/api/v1/auth/login", Map.of("login", user.username(), "password", user.password()));
            assertThat(login.status()).isEqualTo(200);
        }
    }

    @Test
    void anUntrustedForwardedForHeaderIsIgnored() {
        // requests relayed through a hop that is not a trusted proxy all count against that hop
        Api spoofer = api().with("X-Forwarded-For", "1.1.1.1, 192.0.2.200");
        Api sameHop = api().with("X-Forwarded-For", "9.9.9.9, 192.0.2.200");
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? spoofer : sameHop)
                    .post("/api/v1/auth/login", Map.of("login", "ghost" + i, "password", "wrong one"));
        }

        assertThat(spoofer.post("/api/v1/auth/login", Map.of("login", "ghost", "password", "x"))
                        .status())
                .isEqualTo(429);
    }
}
