package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.DocumentConformance;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes the real API. Every exchange of every integration test is checked against it by
 * {@link Api}; these tests prove that check can fail, walk a person's first steps as a generated client would, and
 * keep the committed copy of the document (from which the test build generates a client) equal to what the server
 * publishes.
 */
class OpenApiConformanceIntegrationTests extends IntegrationTest {

    static final Path COMMITTED = Path.of("src/test/resources/openapi/veza.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void anAnswerTheDocumentDoesNotDescribeFailsTheTestThatReceivedIt() {
        TestUser user = register();
        String camelCase = "{\"id\":\"" + user.id() + "\",\"userName\":\"" + user.username() + "\"}";

        assertThatThrownBy(() -> DocumentConformance.check(
                        "http://localhost:" + port,
                        SimpleRequest.Builder.get("/api/v1/me")
                                .withAuthorization("Bearer " + user.accessToken())
                                .build(),
                        SimpleResponse.Builder.ok()
                                .withContentType("application/json")
                                .withBody(camelCase)
                                .build()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/me -> 200")
                .hasMessageContaining("userName");
    }

    @Test
    void aPersonsFirstStepsToClosingTheirAccountMatchTheDocument() {
        String name = "oa" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiResponse registered = api().post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                name + "@example.com",
                                "username",
                                name,
                                "password",
                                "a long enough passphrase",
                                "role",
                                "artist"));
        String token = registered.field("access_token");
        Api me = api().bearer(token);
        UUID userId = UUID.fromString(registered.json().get("user").get("id").asText());
        assertThat(me.get("/api/v1/me").field("username")).isEqualTo(name);
        assertThat(me.patch("/api/v1/me", Map.of("bio", "Field recordings", "location", "Lyon"))
                        .status())
                .isEqualTo(200);
        ApiResponse playlist = me.post("/api/v1/playlists", Map.of("title", "Morning"));
        assertThat(me.get("/api/v1/playlists/" + playlist.field("id")).field("title"))
                .isEqualTo("Morning");
        assertThat(api().get("/api/v1/users/" + userId).field("username")).isEqualTo(name);
        assertThat(me.get("/api/v1/me/sessions").json()).hasSize(1);
        assertThat(api().post("/api/v1/auth/login", Map.of("login", name, "password", "wrong password"))
                        .status())
                .isEqualTo(401);

        UUID track = readyTrack(
                new TestUser(userId, name, name + "@example.com", null, token, null), "Documented", "public");
        assertThat(api().get("/api/v1/tracks/" + track).field("title")).isEqualTo("Documented");
        assertThat(api().get("/api/v1/tracks?creator=" + userId).json().get("items"))
                .hasSize(1);
        assertThat(me.put("/api/v1/tracks/" + track + "/like", null).status()).isEqualTo(200);
        assertThat(me.get("/api/v1/notifications").status()).isEqualTo(200);
        assertThat(me.send("DELETE", "/api/v1/me", "application/json", "{\"password\":\"a long enough passphrase\"}")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void theCommittedDocumentIsTheOneTheServerPublishes() throws Exception {
        JsonNode published = JSON.readTree(api().get("/v3/api-docs").text());
        Path fresh = Path.of("target/openapi/veza.json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, JSON.writeValueAsString(published) + "\n");

        assertThat(JSON.readTree(Files.readString(COMMITTED)).equals(published))
                .as("the API changed: review %s and copy it to %s", fresh, COMMITTED)
                .isTrue();
    }
}
