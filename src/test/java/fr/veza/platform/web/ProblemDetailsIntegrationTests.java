package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad request gets an application/problem+json answer with a stable code, and changes nothing. */
class ProblemDetailsIntegrationTests extends IntegrationTest {

    @Test
    void malformedJsonIsA400SayingWhere() {
        ApiResponse response = api().send("POST", "/api/v1/auth/login", "application/json", "{\"login\": \"a\",");

        assertProblem(response, 400, "malformed_json");
        assertThat(response.field("detail")).contains("line 1");
    }

    @Test
    void everyAnswerCarriesARequestIdThatItsProblemNamesTooAndAForgedOneIsReplaced() {
        ApiResponse fine = api().get("/health");
        assertThat(fine.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(api().get("/health").header("X-Request-Id")).isNotEqualTo(fine.header("X-Request-Id"));

        // a load balancer's id is kept, and the error answer names it, as the log lines of that request do
        ApiResponse failed =
                api().with("X-Request-Id", "lb-7f3a9c21").send("POST", "/api/v1/auth/login", "application/json", "{");
        assertThat(failed.header("X-Request-Id")).isEqualTo("lb-7f3a9c21");
        assertThat(failed.field("request_id")).isEqualTo("lb-7f3a9c21");
        ApiResponse refused = api().with("X-Request-Id", "lb-0000abcd").get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.field("request_id")).isEqualTo("lb-0000abcd");

        // anything else is replaced: a forged log line, or an id too long to be one
        ApiResponse forged = api().with("X-Request-Id", "x\\u0000 INFO admin signed in")
                .send("POST", "/api/v1/auth/login", "application/json", "{");
        assertThat(forged.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(forged.field("request_id")).isEqualTo(forged.header("X-Request-Id"));
        assertThat(api().with("X-Request-Id", "a".repeat(65)).get("/health").header("X-Request-Id"))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void aMissingBodyIsA400() {
        assertProblem(api().send("POST", "/api/v1/auth/login", "application/json", null), 400, "malformed_json");
    }

    @Test
    void wrongContentTypeIsA415() {
        ApiResponse response = api().send("POST", "/api/v1/auth/login", "text/plain", "login=a&password=b");

        assertProblem(response, 415, "unsupported_media_type");
        assertThat(response.field("detail")).contains("application/json");
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeAnythingIsStored() {
        String huge = "{\"email\":\"big@example.com\",\"username\":\"bigbody\",\"password\":\"" + "x".repeat(1_100_000)
                + "\"}";

        ApiResponse response = api().send("POST", "/api/v1/auth/register", "application/json", huge);

        assertProblem(response, 413, "payload_too_large");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = 'bigbody'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownFieldsAreNamed() {
        ApiResponse response =
                api().post("/api/v1/auth/login", Map.of("login", "a", "password", "b", "remember", true));

        assertProblem(response, 400, "validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("remember");
    }

    @Test
    void wrongTypesAreNamed() {
        ApiResponse response = api().post("/api/v1/auth/login", Map.of("login", Map.of("nested", 1), "password", "b"));

        assertProblem(response, 400, "validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("login");
    }

    @Test
    void validationListsEveryInvalidField() {
        ApiResponse response = api().post("/api/v1/auth/register", Map.of("email", "not-an-email", "username", "x"));

        assertProblem(response, 400, "validation_failed");
        assertThat(response.json().findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "username", "password");
    }

    @Test
    void unknownRoutesAreA404Problem() {
        TestUser user = register();
        assertProblem(as(user).get("/api/v1/no/such/thing"), 404, "not_found");
        assertProblem(api().get("/no-such-page"), 404, "not_found");
    }

    @Test
    void aWrongMethodIsA405() {
        TestUser user = register();
        assertProblem(as(user).delete("/api/v1/auth/login"), 405, "method_not_allowed");
    }

    @Test
    void aMalformedIdIsA400NamingTheParameter() {
        ApiResponse response = api().get("/api/v1/users/not-a-uuid");

        assertProblem(response, 400, "validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void noTokenIsA401WithAChallenge() {
        ApiResponse response = api().get("/api/v1/me");

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aForgedTokenIsA401() {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        ApiResponse response = api().bearer(forged).get("/api/v1/me");

        assertProblem(response, 401, "invalid_token");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void errorsNeverLeakInternals() {
        ApiResponse response = api().send("POST", "/api/v1/auth/refresh", "application/json", "[1,2,3]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text())
                .doesNotContain("Exception")
                .doesNotContain("at fr.veza")
                .doesNotContain("<html");
    }

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.field("type")).isEqualTo("urn:veza:problem:" + code);
        assertThat(response.field("title")).isNotBlank();
        assertThat(response.field("detail")).isNotBlank();
    }
}
