package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationIntegrationTests extends IntegrationTest {

    @Test
    void theConfiguredAdminExistsAfterStart() {
        String role = jdbc.sql("SELECT role FROM users WHERE email = 'root@veza.test'")
                .query(String.class)
                .single();
        assertThat(role).isEqualTo("admin");
        assertThat(admin().accessToken()).isNotBlank();
    }

    @Test
    void aListenerCannotChangeRoles() {
        TestUser listener = register();
        TestUser victim = register();

        ApiResponse response =
                as(listener).put("/api/v1/admin/users/" + victim.id() + "/role", Map.of("role", "admin"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(roleOf(victim)).isEqualTo("listener");
        assertThat(roleOf(listener)).isEqualTo("listener");
    }

    @Test
    void anAdminChangesARoleAndTheChangeIsAudited() {
        TestUser admin = admin();
        TestUser user = register();

        ApiResponse response = as(admin).put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "artist"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.field("role")).isEqualTo("artist");
        assertThat(roleOf(user)).isEqualTo("artist");
        Map<String, Object> entry = jdbc.sql("""
                        SELECT user_id, details->>'from' AS from_role, details->>'to' AS to_role, ip_address
                        FROM audit_logs WHERE action = 'user.role_changed' AND target_id = :id
                        """).param("id", user.id()).query().singleRow();
        assertThat(entry.get("user_id")).isEqualTo(admin.id());
        assertThat(entry).containsEntry("from_role", "listener").containsEntry("to_role", "artist");
        assertThat((String) entry.get("ip_address")).startsWith("198.51.");
    }

    @Test
    void aDemotionAppliesToTokensAlreadyIssued() throws InterruptedException {
        TestUser admin = admin();
        TestUser promoted = register();
        as(admin).put("/api/v1/admin/users/" + promoted.id() + "/role", Map.of("role", "admin"));
        TestUser victim = register();
        assertThat(as(promoted)
                        .put("/api/v1/admin/users/" + victim.id() + "/role", Map.of("role", "artist"))
                        .status())
                .isEqualTo(200);

        as(admin).put("/api/v1/admin/users/" + promoted.id() + "/role", Map.of("role", "listener"));

        ApiResponse after =
                as(promoted).put("/api/v1/admin/users/" + victim.id() + "/role", Map.of("role", "listener"));
        assertThat(after.status()).isEqualTo(403);
        assertThat(roleOf(victim)).isEqualTo("artist");
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        TestUser admin = admin();
        long admins = jdbc.sql("SELECT count(*) FROM users WHERE role = 'admin'")
                .query(Long.class)
                .single();
        if (admins > 1) {
            jdbc.sql("UPDATE users SET role = 'listener' WHERE role = 'admin' AND email <> 'root@veza.test'")
                    .update();
        }

        ApiResponse response = as(admin).put("/api/v1/admin/users/" + admin.id() + "/role", Map.of("role", "listener"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT role FROM users WHERE id = :id")
                        .param("id", admin.id())
                        .query(String.class)
                        .single())
                .isEqualTo("admin");
    }

    @Test
    void anUnknownRoleIsRefused() {
        TestUser admin = admin();
        TestUser user = register();

        ApiResponse response = as(admin).put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "superuser"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(roleOf(user)).isEqualTo("listener");
    }

    @Test
    void aListenerBecomesAnArtistOnRequest() {
        TestUser user = register();

        ApiResponse response = as(user).post("/api/v1/me/artist", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.field("role")).isEqualTo("artist");
        assertThat(as(user).post("/api/v1/me/artist", null).field("role")).isEqualTo("artist");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE target_id = :id AND action = 'user.role_changed'")
                        .param("id", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void nobodyEditsAnotherUsersProfile() {
        TestUser owner = register();
        TestUser other = register();
        as(owner).patch("/api/v1/me", Map.of("bio", "mine"));

        ApiResponse viaTheirId = as(other).patch("/api/v1/users/" + owner.id(), Map.of("bio", "hacked"));
        ApiResponse viaMe = as(other).patch("/api/v1/me", Map.of("bio", "their own"));

        assertThat(viaTheirId.status()).isEqualTo(405);
        assertThat(viaMe.status()).isEqualTo(200);
        assertThat(api().get("/api/v1/users/" + owner.id()).field("bio")).isEqualTo("mine");
    }

    private String roleOf(TestUser user) {
        return jdbc.sql("SELECT role FROM users WHERE id = :id")
                .param("id", user.id())
                .query(String.class)
                .single();
    }
}
