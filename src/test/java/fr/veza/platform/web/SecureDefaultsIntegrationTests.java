package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/** What is public by default and what is not: health yes, metrics no; headers on every answer; CORS when named. */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(
        properties = {
            "veza.management.metrics-token=a-metrics-token-for-the-tests",
            "veza.cors.allowed-origins=https://blog.example"
        })
class SecureDefaultsIntegrationTests extends IntegrationTest {

    @Test
    void metricsAreNotPublicButOpenToTheirToken() {
        ApiResponse anonymous = api().get("/actuator/prometheus");
        ApiResponse wrongToken = api().with("Authorization", "Bearer guess").get("/actuator/prometheus");
        ApiResponse info = api().get("/actuator/info");
        ApiResponse scraped = api().with("Authorization", "Bearer a-metrics-token-for-the-tests")
                .get("/actuator/prometheus");

        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.text()).doesNotContain("jvm_");
        assertThat(wrongToken.status()).isEqualTo(404);
        assertThat(info.status()).isEqualTo(404);
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.text()).contains("http_server_requests");
    }

    @Test
    void healthIsPublicAndSaysOnlyUpOrDownPerComponent() {
        ApiResponse health = api().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asText())
                .isEqualTo("UP");
        health.json()
                .get("components")
                .forEach(component ->
                        assertThat(component.size()).as(component.toString()).isEqualTo(1));
        assertThat(api().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesAReferrerPolicyAndAContentSecurityPolicy() {
        ApiResponse api = api().get("/api/v1/tracks");
        ApiResponse missing = api().get("/api/v1/no-such-thing");
        ApiResponse docs = api().get("/swagger-ui/index.html");

        for (ApiResponse response : new ApiResponse[] {api, missing}) {
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none'");
        }
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    @Test
    void aPreflightFromANamedOriginNeedsNoTokenAndAnUnnamedOneGetsNoGrant() {
        ApiResponse named = api().with("Origin", "https://blog.example")
                .with("Access-Control-Request-Method", "GET")
                .with("Access-Control-Request-Headers", "authorization")
                .send("OPTIONS", "/api/v1/me", null, null);
        ApiResponse stranger = api().with("Origin", "https://evil.example")
                .with("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/api/v1/tracks", null, null);
        ApiResponse simple = api().with("Origin", "https://blog.example").get("/api/v1/tracks");

        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.header("Access-Control-Allow-Origin")).isEqualTo("https://blog.example");
        assertThat(named.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo("https://blog.example");
    }
}
