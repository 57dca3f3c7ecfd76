package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing one's password through the API: the current one confirms it, the policy applies, others are signed out. */
class PasswordChangeIntegrationTests extends IntegrationTest {

    @Test
    void aPasswordChangeSignsOutEveryOtherSessionAndKeepsThisOne() {
        TestUser person = register();
        ApiResponse other =
                api().post("/api/v1/auth/login", Map.of("login", person.username(), "password", person.password()));
        assertThat(other.status()).isEqualTo(200);
        String key = as(person)
                .post("/api/v1/developer/api-keys", Map.of("name", "script", "scopes", java.util.List.of("read")))
                .field("key");

        ApiResponse wrong = as(person)
                .put(
                        "/api/v1/me/password",
                        Map.of("current_password", "not mine at all", "new_password", "another long passphrase"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("wrong_password");
        ApiResponse weak = as(person)
                .put("/api/v1/me/password", Map.of("current_password", person.password(), "new_password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text()).contains("new_password");
        assertThat(as(person).get("/api/v1/me").status()).as("nothing changed").isEqualTo(200);

        ApiResponse changed = as(person)
                .put(
                        "/api/v1/me/password",
                        Map.of("current_password", person.password(), "new_password", "another long passphrase"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("other_sessions_signed_out").asInt()).isEqualTo(1);
        assertThat(as(person).get("/api/v1/me").status())
                .as("this session stays")
                .isEqualTo(200);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", other.field("refresh_token")))
                        .status())
                .as("the other session is over")
                .isEqualTo(401);
        assertThat(api().with("X-API-Key", key).get("/api/v1/me").status())
                .as("API keys stay")
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/v1/auth/login",
                                Map.of("login", person.username(), "password", "another long passphrase"))
                        .status())
                .isEqualTo(200);

        // "sign out everywhere else" without a password change
        ApiResponse third = api().post(
                        "/api/v1/auth/login",
                        Map.of("login", person.username(), "password", "another long passphrase"));
        assertThat(as(person).delete("/api/v1/me/sessions").status()).isEqualTo(204);
        assertThat(api().bearer(third.field("access_token")).get("/api/v1/me").status())
                .isEqualTo(401);
        assertThat(as(person).get("/api/v1/me").status()).isEqualTo(200);
    }
}
