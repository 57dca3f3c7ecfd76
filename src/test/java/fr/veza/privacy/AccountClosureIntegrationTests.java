package fr.veza.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Closing an account (DELETE /me), what the world sees meanwhile, and recovering it before the deadline. */
class AccountClosureIntegrationTests extends IntegrationTest {

    ApiResponse close(TestUser user, String password, boolean keepPublicTracks) {
        return as(user).send(
                        "DELETE",
                        "/api/v1/me",
                        "application/json",
                        Api.json(Map.of("password", password, "keep_public_tracks", keepPublicTracks)));
    }

    ApiResponse recover(TestUser user) {
        return api().post("/api/v1/auth/recover", Map.of("email", user.email(), "password", user.password()));
    }

    @Test
    void aWrongPasswordClosesNothing() {
        TestUser user = register();
        ApiResponse refused = close(user, "not my password", false);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("wrong_password");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(as(user).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT deleted_at IS NULL FROM users WHERE id = :id")
                        .param("id", user.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void closingAnonymisesAtOnceRevokesEverySessionAndHidesTheAccount() {
        TestUser user = register("artist");
        as(user).patch("/api/v1/me", Map.of("bio", "I live at 1 Main Street", "display_name", "Real Name"));
        UUID track = readyTrack(user, "Song", "public");
        String apiKey = as(user).post(
                        "/api/v1/developer/api-keys", Map.of("name", "ci", "scopes", java.util.List.of("read")))
                .field("key");

        ApiResponse closed = close(user, user.password(), false);

        assertThat(closed.status()).isEqualTo(202);
        Instant deadline = Instant.parse(closed.field("recovery_deadline"));
        assertThat(deadline)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        Map<String, Object> row = jdbc.sql(
                        "SELECT email::text AS email, username::text AS username, display_name, bio,"
                                + " email_hash IS NOT NULL AS hashed, password_hash <> '' AS has_password FROM users WHERE id = :id")
                .param("id", user.id())
                .query()
                .singleRow();
        assertThat(row.get("email").toString()).doesNotContain(user.username());
        assertThat(row.get("username").toString()).startsWith("deleted-");
        assertThat(row.get("display_name")).isNull();
        assertThat(row.get("bio")).isNull();
        assertThat(row.get("hashed")).isEqualTo(true);
        assertThat(row.get("has_password")).isEqualTo(true);

        assertThat(as(user).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(api().with("X-API-Key", apiKey).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/login", Map.of("login", user.email(), "password", user.password()))
                        .status())
                .isEqualTo(401);
        assertThat(api().get("/api/v1/users/" + user.id()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'user.account_closed' AND target_id = :id")
                        .param("id", user.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void publicTracksKeptOnRequestStayListedWithoutTheArtistsName() {
        TestUser user = register("artist");
        UUID kept = readyTrack(user, "Kept " + UUID.randomUUID(), "public");
        UUID unlisted = readyTrack(user, "Unlisted", "unlisted");

        assertThat(close(user, user.password(), true).status()).isEqualTo(202);

        ApiResponse track = api().get("/api/v1/tracks/" + kept);
        assertThat(track.status()).isEqualTo(200);
        assertThat(track.json().get("owner").get("username").isNull()).isTrue();
        assertThat(track.json().get("owner").get("display_name").isNull()).isTrue();
        assertThat(api().get("/api/v1/tracks/" + unlisted).status()).isEqualTo(404);
    }

    @Test
    void recoveringBeforeTheDeadlineGivesTheAccountItsTracksAndItsProductsBack() {
        TestUser user = register("artist");
        UUID track = readyTrack(user, "Back", "public");
        UUID unlisted = readyTrack(user, "Link only", "unlisted");
        String onSale = sell(user, track, "download");
        String withdrawn = sell(user, track, "licence");
        assertThat(as(user).post("/api/v1/marketplace/products/" + withdrawn + "/unpublish", null)
                        .status())
                .isEqualTo(200);
        assertThat(close(user, user.password(), false).status()).isEqualTo(202);
        assertThat(api().get("/api/v1/marketplace/products/" + onSale).status())
                .as("off sale while the account is closed")
                .isEqualTo(404);

        ApiResponse wrong = api().post("/api/v1/auth/recover", Map.of("email", user.email(), "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);

        ApiResponse recovered = recover(user);
        assertThat(recovered.status()).isEqualTo(200);
        Api me = api().bearer(recovered.field("access_token"));
        assertThat(me.get("/api/v1/me").field("email")).isEqualTo(user.email());
        assertThat(api().get("/api/v1/tracks/" + track).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/tracks/" + unlisted)
                        .json()
                        .get("visibility")
                        .asText())
                .isEqualTo("unlisted");
        assertThat(api().post("/api/v1/auth/login", Map.of("login", user.email(), "password", user.password()))
                        .status())
                .isEqualTo(200);
        assertThat(recover(user).status())
                .as("an open account has nothing to recover")
                .isEqualTo(401);
        assertThat(api().get("/api/v1/marketplace/products/" + onSale).field("status"))
                .isEqualTo("published");
        assertThat(me.get("/api/v1/marketplace/products/" + withdrawn).field("status"))
                .as("what the seller had withdrawn stays withdrawn")
                .isEqualTo("unpublished");
    }

    private String sell(TestUser seller, UUID track, String kind) {
        Map<String, Object> product = new java.util.HashMap<>();
        product.put("track_id", track);
        product.put("kind", kind);
        product.put("licence_terms", kind.equals("licence") ? "Sync, 1 film" : null);
        product.put("price", Map.of("amount", 900, "currency", "EUR"));
        ApiResponse created = as(seller).post("/api/v1/marketplace/products", product);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.field("id");
    }

    @Test
    void commentsOfAClosedAccountAreHiddenUntilItIsRecovered() {
        TestUser artist = register("artist");
        TestUser fan = register();
        UUID track = readyTrack(artist, "Talked about", "public");
        String comments = "/api/v1/tracks/" + track + "/comments";
        as(fan).post(comments, Map.of("body", "from the fan"));
        as(artist).post(comments, Map.of("body", "from the artist"));

        assertThat(close(fan, fan.password(), false).status()).isEqualTo(202);
        assertThat(api().get(comments).text()).doesNotContain("from the fan").contains("from the artist");

        assertThat(recover(fan).status()).isEqualTo(200);
        assertThat(api().get(comments).text()).contains("from the fan");
    }

    @Test
    void afterTheDeadlineTheAccountCannotBeRecovered() {
        TestUser user = register();
        assertThat(close(user, user.password(), false).status()).isEqualTo(202);
        jdbc.sql("UPDATE users SET recovery_deadline = now() - interval '1 second' WHERE id = :id")
                .param("id", user.id())
                .update();

        assertThat(recover(user).status()).isEqualTo(401);
    }

    @Test
    void theEmailOfAClosedAccountIsFreeForANewOneWhichThenBlocksRecovery() {
        TestUser user = register();
        assertThat(close(user, user.password(), false).status()).isEqualTo(202);
        ApiResponse again = api().post(
                        "/api/v1/auth/register",
                        Map.of("email", user.email(), "username", "n" + user.username(), "password", user.password()));
        assertThat(again.status()).isEqualTo(201);

        ApiResponse recovery = recover(user);
        assertThat(recovery.status()).isEqualTo(409);
        assertThat(recovery.code()).isEqualTo("email_taken");
    }
}
