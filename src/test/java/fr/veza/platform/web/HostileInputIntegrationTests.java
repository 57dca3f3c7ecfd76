package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.HostilePayloads;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever a client sends, Veza answers with a clear 4xx problem and changes nothing, never a 500. */
class HostileInputIntegrationTests extends IntegrationTest {

    @Test
    void everyWriteRouteOfTheOpenApiDocumentAnswersHostileBodiesWithA4xxProblem() {
        TestUser admin = admin();
        JsonNode document = api().get("/v3/api-docs").json();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null || !operation.has("requestBody")) {
                    continue;
                }
                String url =
                        path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                Map<String, String> bodies = new java.util.LinkedHashMap<>(HostilePayloads.generic());
                bodies.putAll(HostilePayloads.perField(fieldsOf(operation, document)));
                for (Map.Entry<String, String> body : bodies.entrySet()) {
                    ApiResponse response = api().bearer(admin.accessToken())
                            .send(method.toUpperCase(), url, "application/json", body.getValue());
                    requests++;
                    if (response.status() >= 500
                            || (response.status() >= 400
                                    && !response.contentType().startsWith("application/problem+json"))) {
                        failures.add(method.toUpperCase() + " " + path.getKey() + " with " + body.getKey() + ": "
                                + response.status() + " " + abbreviate(response.text()));
                    }
                }
            }
        }
        assertThat(requests).as("routes walked").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST|/api/v1/auth/login|{\"login\":\"a\\u0000b\",\"password\":\"x\"}|login",
                "POST|/api/v1/auth/register|{\"email\":\"a@b.c\",\"username\":\"ab\\u0000c\",\"password\":\"long enough pass\"}|username",
                "PATCH|/api/v1/me|{\"bio\":\"hello\\u0000\"}|bio",
                "POST|/api/v1/playlists|{\"title\":\"x\\u0000\"}|title",
                "POST|/api/v1/developer/api-keys|{\"name\":\"ci\\u0000\",\"scopes\":[\"read\"]}|name",
                "POST|/api/v1/gear|{\"name\":\"Amp\",\"brand\":\"a\\u0000\"}|brand",
                "PATCH|/api/v1/me|{\"bio\":12345}|bio",
                "PATCH|/api/v1/me|{\"location\":true}|location",
                "POST|/api/v1/playlists|{\"title\":12345}|title",
                "POST|/api/v1/gear|{\"name\":\"Amp\",\"purchase_date\":\"+999999999-12-31\"}|purchase_date",
                "POST|/api/v1/gear|{\"name\":\"Amp\",\"purchase_date\":\"0000-01-01\"}|purchase_date",
                "POST|/api/v1/gear|{\"name\":\"Amp\",\"purchase_price\":{\"amount\":\"100\",\"currency\":\"EUR\"}}|purchase_price.amount",
                "POST|/api/v1/gear|{\"name\":\"Amp\",\"purchase_price\":{\"amount\":100,\"currency\":\"XAU\"}}|purchase_price.currency",
            })
    void aHostileValueIsAValidationFailureNamingItsField(String method, String path, String body, String field) {
        TestUser user = register();

        ApiResponse response = api().bearer(user.accessToken()).send(method, path, "application/json", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.text()).contains("\"" + field + "\"");
    }

    @Test
    void aDuplicateKeyIsMalformedJsonAndChangesNothing() {
        TestUser user = register();

        ApiResponse response = api().bearer(user.accessToken())
                .send("PATCH", "/api/v1/me", "application/json", "{\"bio\":\"first\",\"bio\":\"second\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("malformed_json");
        assertThat(api().bearer(user.accessToken())
                        .get("/api/v1/me")
                        .json()
                        .get("bio")
                        .isNull())
                .isTrue();
    }

    @Test
    void aNulInAMultipartFieldOrAQueryParameterIsAValidationFailure() {
        TestUser artist = register("artist");

        ApiResponse upload = api().bearer(artist.accessToken())
                .upload("/api/v1/tracks", Map.of("file", TestMedia.tone(2, "mp3")), Map.of("title", "a\u0000b"));
        ApiResponse search = api().get("/api/v1/search?q=a%00b");

        assertThat(upload.status()).as(upload.toString()).isEqualTo(400);
        assertThat(upload.text()).contains("\"title\"");
        assertThat(search.status()).as(search.toString()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM tracks WHERE owner_id = :owner")
                        .param("owner", artist.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPriceInACurrencyNobodyPaysWithIsRefused() {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Gold", "public");
        for (String currency : List.of("XAU", "XXX", "XTS", "ABC")) {
            ApiResponse refused = offerDownload(artist, track, 500, currency);
            assertThat(refused.status()).as(currency + ": " + refused).isEqualTo(400);
            assertThat(refused.text()).contains("price.currency");
        }
    }

    @Test
    void aDmcaNoticeNamesItsUrlWithHttpOnly() {
        ApiResponse refused = api().post("/api/v1/dmca/notice", Map.of("infringing_url", "javascript:alert(1)"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text()).contains("infringing_url");
    }

    @Test
    void loggingOutWithAnApiKeyIsABadRequestAndErrorIsNotAPage() {
        TestUser user = register();
        String key = api().bearer(user.accessToken())
                .post("/api/v1/developer/api-keys", Map.of("name", "ci", "scopes", List.of("read", "write")))
                .field("key");

        ApiResponse logout = api().with("X-API-Key", key).post("/api/v1/auth/logout", null);
        ApiResponse error = api().get("/error");

        assertThat(logout.status()).as(logout.toString()).isEqualTo(400);
        assertThat(logout.contentType()).startsWith("application/problem+json");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/tracks/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/tracks/%00",
        "/api/v1/users/a%2Fb",
        "/api/v1/;x=1/users"
    })
    void aHostilePathIsAProblemNotTheContainersPage(String path) throws IOException {
        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json").doesNotContain("<html");
    }

    @Test
    void anOversizedHeaderIsAProblemNotTheContainersPage() throws IOException {
        String answer = raw("GET /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d.*");
        assertThat(answer).contains("application/problem+json").doesNotContain("<html");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static List<String> fieldsOf(JsonNode operation, JsonNode document) {
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        if (schema.isMissingNode()) {
            return List.of();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = document.at("/components/schemas/" + name);
        }
        List<String> fields = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
