package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountFlowIntegrationTests extends IntegrationTest {

    @Test
    void registrationCreatesAListenerWithProfileSettingsAndASession() {
        Api api = api();
        ApiResponse response = api.post(
                "/api/v1/auth/register",
                Map.of("email", "Mia.Flow@Example.com", "username", "mia_flow", "password", "tiny piano in the attic"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("user").get("role").asText()).isEqualTo("listener");
        assertThat(response.json().get("user").get("email").asText()).isEqualTo("Mia.Flow@Example.com");
        assertThat(response.field("token_type")).isEqualTo("Bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(900);
        UUID id = UUID.fromString(response.json().get("user").get("id").asText());
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("tiny piano");
        assertThat(count("SELECT count(*) FROM user_profiles WHERE user_id = :id", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM user_settings WHERE user_id = :id", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM user_sessions WHERE user_id = :id", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_logs WHERE target_id = :id AND action = 'user.registered'", id))
                .isEqualTo(1);

        ApiResponse me = api.bearer(response.field("access_token")).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.field("username")).isEqualTo("mia_flow");
    }

    @Test
    void anArtistCanRegisterAsSuchButNobodyRegistersAsAdmin() {
        assertThat(register("artist")).isNotNull();
        ApiResponse admin = api().post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                "sneaky@example.com",
                                "username",
                                "sneaky",
                                "password",
                                "let me be the admin",
                                "role",
                                "admin"));
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(count("SELECT count(*) FROM users WHERE username = 'sneaky'", null))
                .isZero();
    }

    @Test
    void duplicateEmailOrUsernameIsAConflictWhateverTheCase() {
        TestUser existing = register();
        ApiResponse sameEmail = api().post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                existing.email().toUpperCase(),
                                "username",
                                "other" + existing.username().substring(1, 10),
                                "password",
                                "another fine passphrase"));
        ApiResponse sameUsername = api().post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                "x" + existing.email(),
                                "username",
                                existing.username().toUpperCase(),
                                "password",
                                "another fine passphrase"));

        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.code()).isEqualTo("email_taken");
        assertThat(sameUsername.status()).isEqualTo(409);
        assertThat(sameUsername.code()).isEqualTo("username_taken");
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        Map<String, String> tooShort = Map.of("email", "short@example.com", "username", "shorty", "password", "abc12");
        Map<String, String> common =
                Map.of("email", "common@example.com", "username", "commoner", "password", "password123");
        Map<String, String> ownName =
                Map.of("email", "narcissus@example.com", "username", "narcissus", "password", "narcissus forever");

        for (Map<String, String> body : new Map[] {tooShort, common, ownName}) {
            ApiResponse response = api().post("/api/v1/auth/register", body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("password");
            assertThat(count("SELECT count(*) FROM users WHERE email = '" + body.get("email") + "'", null))
                    .isZero();
        }
    }

    @Test
    void loginAcceptsEmailOrUsernameInAnyCase() {
        TestUser user = register();
        for (String login : new String[] {
            user.email(), user.username().toUpperCase(), user.email().toUpperCase()
        }) {
            ApiResponse response =
                    api().post("/api/v1/auth/login", Map.of("login", login, "password", user.password()));
            assertThat(response.status()).as(login).isEqualTo(200);
            assertThat(response.field("access_token")).isNotBlank();
            assertThat(response.field("refresh_token")).startsWith("vzr_");
        }
        ApiResponse wrong =
                api().post("/api/v1/auth/login", Map.of("login", user.username(), "password", "not it at all"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid_credentials");
        ApiResponse nobody =
                api().post("/api/v1/auth/login", Map.of("login", "nobody-here", "password", "not it at all"));
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.field("detail")).isEqualTo(wrong.field("detail"));
    }

    @Test
    void refreshRotatesTheTokenAndTheOldOneStopsWorking() {
        TestUser user = register();
        ApiResponse first = api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("refresh_token")).isNotEqualTo(user.refreshToken());

        ApiResponse second = api().post("/api/v1/auth/refresh", Map.of("refresh_token", first.field("refresh_token")));
        assertThat(second.status()).isEqualTo(200);
        assertThat(as(user).bearer(second.field("access_token"))
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        TestUser user = register();
        ApiResponse rotated = api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        String liveRefresh = rotated.field("refresh_token");
        String liveAccess = rotated.field("access_token");

        ApiResponse replay = api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("invalid_token");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", liveRefresh))
                        .status())
                .isEqualTo(401);
        assertThat(api().bearer(liveAccess).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM user_sessions WHERE user_id = :id AND revoked_at IS NULL", user.id()))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE user_id = :id AND action = 'auth.refresh_token_reused'",
                        user.id()))
                .isEqualTo(1);
    }

    @Test
    void logoutEndsTheSessionButNotTheOthers() {
        TestUser user = register();
        ApiResponse otherDevice =
                api().post("/api/v1/auth/login", Map.of("login", user.username(), "password", user.password()));

        assertThat(as(user).post("/api/v1/auth/logout", null).status()).isEqualTo(204);

        assertThat(as(user).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(api().bearer(otherDevice.field("access_token"))
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void sessionsShowTheClientAddressGivenByTheTrustedProxy() {
        TestUser user = register();
        api().from("203.0.113.77")
                .post("/api/v1/auth/login", Map.of("login", user.username(), "password", user.password()));

        ApiResponse sessions = as(user).get("/api/v1/me/sessions");

        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json().findValuesAsText("ip_address")).contains("203.0.113.77");
        assertThat(sessions.json().findValuesAsText("current")).containsOnlyOnce("true");
    }

    @Test
    void aUserCannotRevokeSomeoneElsesSession() {
        TestUser owner = register();
        TestUser intruder = register();
        String ownerSession =
                as(owner).get("/api/v1/me/sessions").json().get(0).get("id").asText();

        ApiResponse attempt = as(intruder).delete("/api/v1/me/sessions/" + ownerSession);

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(as(owner).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void profileUpdatesChangeOnlyWhatIsSentAndNullClears() {
        TestUser user = register();
        Map<String, Object> first =
                Map.of("bio", "Synths and field recordings", "location", "Lyon", "website", "https://example.com/me");
        assertThat(as(user).patch("/api/v1/me", first).status()).isEqualTo(200);
        Map<String, Object> second = new HashMap<>();
        second.put("location", null);
        second.put("display_name", "Mia");

        ApiResponse updated = as(user).patch("/api/v1/me", second);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.field("bio")).isEqualTo("Synths and field recordings");
        assertThat(updated.field("location")).isNull();
        assertThat(updated.field("display_name")).isEqualTo("Mia");
        assertThat(updated.field("website")).isEqualTo("https://example.com/me");
    }

    @Test
    void invalidProfileFieldsChangeNothing() {
        TestUser user = register();
        ApiResponse response =
                as(user).patch("/api/v1/me", Map.of("bio", "new bio", "avatar_url", "javascript:alert(1)"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("avatar_url");
        assertThat(as(user).get("/api/v1/me").field("bio")).isNull();
    }

    @Test
    void publicProfileHidesPrivateFields() {
        TestUser user = register();
        as(user).patch("/api/v1/me", Map.of("first_name", "Private", "bio", "public words"));

        ApiResponse profile = api().get("/api/v1/users/" + user.id());

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.field("bio")).isEqualTo("public words");
        assertThat(profile.json().has("email")).isFalse();
        assertThat(profile.json().has("first_name")).isFalse();
        assertThat(profile.text()).doesNotContain(user.email()).doesNotContain("Private");
        assertThat(api().get("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void settingsArePartialAndValidated() {
        TestUser user = register();
        ApiResponse changed = as(user).patch("/api/v1/me/settings", Map.of("timezone", "Europe/Paris"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("timezone")).isEqualTo("Europe/Paris");
        assertThat(changed.field("locale")).isEqualTo("en");

        ApiResponse bad = as(user).patch("/api/v1/me/settings", Map.of("timezone", "Mars/Olympus"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(as(user).get("/api/v1/me/settings").field("timezone")).isEqualTo("Europe/Paris");
    }

    private long count(String sql, UUID id) {
        var statement = jdbc.sql(sql);
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.query(Long.class).single();
    }
}
