package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client generated from the OpenAPI document would send and expect: the requests of a person's first
 * steps, and Veza's answers to them, checked against the document the server publishes.
 */
class OpenApiConformanceIntegrationTests extends IntegrationTest {

    private OpenApiInteractionValidator validator;
    private final List<String> mismatches = new ArrayList<>();

    @BeforeEach
    void readTheDocument() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                        api().get("/v3/api-docs").text())
                .build();
    }

    @Test
    void aPersonsFirstStepsToClosingTheirAccountMatchTheDocument() {
        String name = "oa" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Api client = api();
        ApiResponse registered = exchange(
                client,
                null,
                "POST",
                "/api/v1/auth/register",
                Api.json(Map.of(
                        "email",
                        name + "@example.com",
                        "username",
                        name,
                        "password",
                        "a long enough passphrase",
                        "role",
                        "artist")));
        String token = registered.field("access_token");
        exchange(client, token, "GET", "/api/v1/me", null);
        exchange(client, token, "PATCH", "/api/v1/me", "{\"bio\":\"Field recordings\",\"location\":\"Lyon\"}");
        ApiResponse playlist = exchange(client, token, "POST", "/api/v1/playlists", "{\"title\":\"Morning\"}");
        exchange(client, token, "GET", "/api/v1/playlists/" + playlist.field("id"), null);
        exchange(
                client,
                null,
                "GET",
                "/api/v1/users/" + registered.json().get("user").get("id").asText(),
                null);
        exchange(client, token, "GET", "/api/v1/me/sessions", null);
        exchange(client, null, "GET", "/api/v1/tracks", null);
        exchange(
                client,
                null,
                "POST",
                "/api/v1/auth/login",
                "{\"login\":\"" + name + "\",\"password\":\"wrong password\"}");

        UUID userId = UUID.fromString(registered.json().get("user").get("id").asText());
        UUID track = readyTrack(
                new fr.veza.support.TestUser(userId, name, name + "@example.com", null, token, null),
                "Documented",
                "public");
        exchange(client, null, "GET", "/api/v1/tracks/" + track, null);
        exchange(client, null, "GET", "/api/v1/tracks?creator=" + userId, null);
        exchange(client, token, "PUT", "/api/v1/tracks/" + track + "/like", null);
        exchange(client, token, "GET", "/api/v1/notifications", null);
        exchange(client, token, "DELETE", "/api/v1/me", "{\"password\":\"a long enough passphrase\"}");

        assertThat(mismatches).isEmpty();
    }

    private ApiResponse exchange(Api anonymous, String bearer, String method, String path, String body) {
        Api client = bearer == null ? anonymous : anonymous.bearer(bearer);
        ApiResponse response = client.send(method, path, body == null ? null : "application/json", body);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path.split("\\?")[0]);
        if (bearer != null) {
            request.withAuthorization("Bearer " + bearer);
        }
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        if (response.contentType() != null) {
            answer.withContentType(response.contentType());
        }
        if (response.text() != null && !response.text().isEmpty()) {
            answer.withBody(response.text());
        }
        ValidationReport report = validator.validate(request.build(), answer.build());
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> mismatches.add(method + " " + path + " -> " + response.status() + ": "
                        + message.getKey() + " " + message.getMessage()));
        return response;
    }
}
