package fr.veza.social;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommentIntegrationTests extends IntegrationTest {

    @Test
    void commentsArePagedNewestFirst() {
        UUID track = readyTrack(register("artist"), "Talked about", "public");
        TestUser fan = register();
        for (int i = 1; i <= 3; i++) {
            ApiResponse posted = as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "comment " + i));
            assertThat(posted.status()).isEqualTo(201);
        }
        ApiResponse first = api().get("/api/v1/tracks/" + track + "/comments?limit=2");
        assertThat(first.json().get("items").get(0).get("body").asText()).isEqualTo("comment 3");
        assertThat(first.json().get("items").get(1).get("body").asText()).isEqualTo("comment 2");
        assertThat(first.json()
                        .get("items")
                        .get(0)
                        .get("author")
                        .get("username")
                        .asText())
                .isEqualTo(fan.username());
        ApiResponse second =
                api().get("/api/v1/tracks/" + track + "/comments?limit=2&cursor=" + first.field("next_cursor"));
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("items").get(0).get("body").asText()).isEqualTo("comment 1");
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void theAuthorTheTrackOwnerAndAdminsMayDeleteOthersMayNot() {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Moderated", "public");
        TestUser fan = register();
        String byFan = as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "one"))
                .field("id");
        String another = as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "two"))
                .field("id");
        String third = as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "three"))
                .field("id");

        assertThat(as(register())
                        .delete("/api/v1/tracks/" + track + "/comments/" + byFan)
                        .code())
                .isEqualTo("forbidden");
        assertThat(as(fan).delete("/api/v1/tracks/" + track + "/comments/" + byFan)
                        .status())
                .isEqualTo(204);
        assertThat(as(artist)
                        .delete("/api/v1/tracks/" + track + "/comments/" + another)
                        .status())
                .isEqualTo(204);
        assertThat(as(admin())
                        .delete("/api/v1/tracks/" + track + "/comments/" + third)
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM track_comments WHERE track_id = :id")
                        .param("id", track)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void emptyOrOversizedCommentsAndHiddenTracksAreRefused() {
        TestUser fan = register();
        UUID track = readyTrack(register("artist"), "Quiet", "public");
        assertThat(as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "   "))
                        .status())
                .isEqualTo(400);
        assertThat(as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "x".repeat(2001)))
                        .status())
                .isEqualTo(400);
        UUID hidden = readyTrack(register("artist"), "Hidden", "private");
        assertThat(as(fan).post("/api/v1/tracks/" + hidden + "/comments", Map.of("body", "hello"))
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/tracks/" + hidden + "/comments").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM track_comments WHERE track_id IN (:a, :b)")
                        .param("a", track)
                        .param("b", hidden)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
