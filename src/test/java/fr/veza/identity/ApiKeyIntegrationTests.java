package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyIntegrationTests extends IntegrationTest {

    @Test
    void aKeyIsShownOnceAndOnlyItsHashIsKept() {
        TestUser user = register();

        ApiResponse created =
                as(user).post("/api/v1/developer/api-keys", Map.of("name", "ci", "scopes", List.of("read")));

        assertThat(created.status()).isEqualTo(201);
        String key = created.field("key");
        assertThat(key).matches("vza_[A-Za-z0-9_-]{43}");
        assertThat(created.field("prefix")).isEqualTo(key.substring(0, 12));
        ApiResponse listed = as(user).get("/api/v1/developer/api-keys");
        assertThat(listed.text()).doesNotContain(key);
        assertThat(listed.json().get(0).get("prefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE prefix = :p AND key_hash <> convert_to(:k, 'UTF8')")
                        .param("p", key.substring(0, 12))
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void scopesFollowTheHttpMethod() {
        TestUser user = register();
        Api reader = keyed(user, "read");
        Api writer = keyed(user, "write");
        Api both = keyed(user, "read", "write");

        assertThat(reader.get("/api/v1/me").status()).isEqualTo(200);
        ApiResponse refused = reader.patch("/api/v1/me", Map.of("bio", "from a read key"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("insufficient_scope");
        assertThat(refused.field("required_scope")).isEqualTo("write");
        assertThat(refused.field("detail")).contains("write");

        assertThat(writer.patch("/api/v1/me", Map.of("bio", "from a write key")).status())
                .isEqualTo(200);
        ApiResponse writerReads = writer.get("/api/v1/me");
        assertThat(writerReads.status()).isEqualTo(403);
        assertThat(writerReads.field("required_scope")).isEqualTo("read");
        assertThat(both.get("/api/v1/me").field("bio")).isEqualTo("from a write key");
    }

    @Test
    void onlyAdminsHoldAdminKeysAndTheAdminApiNeedsThem() {
        TestUser user = register();
        ApiResponse refused =
                as(user).post("/api/v1/developer/api-keys", Map.of("name", "x", "scopes", List.of("admin")));
        assertThat(refused.status()).isEqualTo(403);

        TestUser admin = admin();
        TestUser target = register();
        Api adminKey = keyed(admin, "admin");
        Api adminWriteKey = keyed(admin, "write");
        assertThat(adminWriteKey
                        .put("/api/v1/admin/users/" + target.id() + "/role", Map.of("role", "artist"))
                        .code())
                .isEqualTo("insufficient_scope");
        assertThat(adminKey.put("/api/v1/admin/users/" + target.id() + "/role", Map.of("role", "artist"))
                        .status())
                .isEqualTo(200);
        assertThat(adminKey.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void unknownRevokedAndExpiredKeysAre401() {
        TestUser user = register();
        ApiResponse created =
                as(user).post("/api/v1/developer/api-keys", Map.of("name", "temp", "scopes", List.of("read")));
        Api key = api().with("X-API-Key", created.field("key"));
        assertThat(key.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(as(user).delete("/api/v1/developer/api-keys/" + created.field("id"))
                        .status())
                .isEqualTo(204);

        ApiResponse revoked = key.get("/api/v1/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("invalid_api_key");
        assertThat(api().with("X-API-Key", "vza_" + "x".repeat(43))
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(401);
        assertThat(api().with("X-API-Key", "garbage").get("/api/v1/me").status())
                .isEqualTo(401);

        ApiResponse expiring = as(user).post(
                        "/api/v1/developer/api-keys",
                        Map.of(
                                "name",
                                "soon",
                                "scopes",
                                List.of("read"),
                                "expires_at",
                                Instant.now().plusSeconds(3600).toString()));
        assertThat(expiring.status()).isEqualTo(201);
        jdbc.sql("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
                .param("id", expiring.field("id"))
                .update();
        assertThat(api().with("X-API-Key", expiring.field("key"))
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(401);
        ApiResponse past = as(user).post(
                        "/api/v1/developer/api-keys",
                        Map.of("name", "late", "scopes", List.of("read"), "expires_at", "2020-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
    }

    @Test
    void nobodyRevokesSomeoneElsesKey() {
        TestUser owner = register();
        TestUser other = register();
        ApiResponse created =
                as(owner).post("/api/v1/developer/api-keys", Map.of("name", "mine", "scopes", List.of("read")));

        assertThat(as(other)
                        .delete("/api/v1/developer/api-keys/" + created.field("id"))
                        .status())
                .isEqualTo(404);
        assertThat(api().with("X-API-Key", created.field("key"))
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aKeyOfASuspendedUserStopsWorking() {
        TestUser user = register();
        Api key = keyed(user, "read");
        assertThat(key.get("/api/v1/me").status()).isEqualTo(200);

        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", user.id())
                .update();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> key.get("/api/v1/me").status() == 401);
    }

    @Test
    void the1001stReadInAnHourIsRefusedWhileWritesStillPass() {
        TestUser user = register();
        Api key = keyed(user, "read", "write");
        ApiResponse last = null;
        for (int i = 1; i <= 1000; i++) {
            last = key.get("/api/v1/me");
            assertThat(last.status()).as("read " + i).isEqualTo(200);
        }
        assertThat(last.header("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");

        ApiResponse refused = key.get("/api/v1/me");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        ApiResponse write = key.patch("/api/v1/me", Map.of("bio", "still writing"));
        assertThat(write.status()).isEqualTo(200);
        assertThat(write.header("X-RateLimit-Limit")).isEqualTo("200");
        assertThat(write.header("X-RateLimit-Remaining")).isEqualTo("199");
        assertThat(Long.parseLong(write.header("X-RateLimit-Reset"))).isBetween(3500L, 3600L);
    }

    @Test
    void limitsAreCountedPerKeyNotPerAddress() {
        TestUser user = register();
        Api first = keyed(user, "read");
        Api second = keyed(user, "read");
        first.get("/api/v1/me");
        first.get("/api/v1/me");

        assertThat(first.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("997");
        assertThat(second.get("/api/v1/me").header("X-RateLimit-Remaining")).isEqualTo("999");
    }

    @Test
    void aKeyAndATokenTogetherAreRefused() {
        TestUser user = register();
        ApiResponse both = keyed(user, "read").bearer(user.accessToken()).get("/api/v1/me");

        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDeclaresBothSchemesAndEachOperationsScope() {
        ApiResponse spec = api().get("/v3/api-docs");

        assertThat(spec.json().at("/components/securitySchemes/ApiKeyAuth/name").asText())
                .isEqualTo("X-API-Key");
        assertThat(spec.json()
                        .at("/components/securitySchemes/ApiKeyAuth/description")
                        .asText())
                .contains("vza_");
        assertThat(spec.json()
                        .at("/components/securitySchemes/BearerAuth/scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(spec.json().at("/paths/~1api~1v1~1me/patch/security").toString())
                .contains("\"ApiKeyAuth\":[\"write\"]");
        assertThat(spec.json().at("/paths/~1api~1v1~1me/get/security").toString())
                .contains("\"ApiKeyAuth\":[\"read\"]");
    }

    private Api keyed(TestUser user, String... scopes) {
        ApiResponse created =
                as(user).post("/api/v1/developer/api-keys", Map.of("name", "test", "scopes", List.of(scopes)));
        if (created.status() != 201) {
            throw new AssertionError("key creation failed: " + created);
        }
        return api().with("X-API-Key", created.field("key"));
    }
}
