package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationIntegrationTests extends IntegrationTest {

    @Test
    void followersLikesAndCommentsAreNotifiedOnce() {
        TestUser artist = register("artist");
        TestUser fan = register();
        UUID track = readyTrack(artist, "Noticed", "public");

        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(fan).put("/api/v1/tracks/" + track + "/like", null);
        as(fan).delete("/api/v1/tracks/" + track + "/like");
        as(fan).put("/api/v1/tracks/" + track + "/like", null);
        as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "Lovely bridge at 2:10"));
        // one's own doing is not news
        as(artist).put("/api/v1/tracks/" + track + "/like", null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(types(as(artist).get("/api/v1/notifications")))
                        .containsExactly("track_commented", "track_liked", "new_follower"));
        ApiResponse page = as(artist).get("/api/v1/notifications");
        assertThat(page.json().get("unread_count").asLong()).isEqualTo(3);
        JsonNode comment = page.json().get("items").get(0);
        assertThat(comment.get("actor").get("username").asText()).isEqualTo(fan.username());
        assertThat(comment.get("payload").get("excerpt").asText()).isEqualTo("Lovely bridge at 2:10");
        assertThat(comment.get("payload").get("track_id").asText()).isEqualTo(track.toString());
        assertThat(as(fan).get("/api/v1/notifications").json().get("items")).isEmpty();
    }

    @Test
    void markingReadIsScopedToTheCaller() {
        TestUser artist = register("artist");
        TestUser other = register("artist");
        as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(register()).put("/api/v1/users/" + other.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(artist)
                                .get("/api/v1/notifications/unread-count")
                                .json()
                                .get("unread_count")
                                .asLong()
                        == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(other)
                                .get("/api/v1/notifications/unread-count")
                                .json()
                                .get("unread_count")
                                .asLong()
                        == 1);

        String artistsFirst = as(artist)
                .get("/api/v1/notifications")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        String othersOnly = as(other)
                .get("/api/v1/notifications")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        ApiResponse marked =
                as(artist).post("/api/v1/notifications/read", Map.of("ids", List.of(artistsFirst, othersOnly)));
        assertThat(marked.json().get("unread_count").asLong()).isEqualTo(1);
        assertThat(as(other)
                        .get("/api/v1/notifications/unread-count")
                        .json()
                        .get("unread_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(as(artist)
                        .get("/api/v1/notifications?unread_only=true")
                        .json()
                        .get("items"))
                .hasSize(1);

        assertThat(as(artist)
                        .post("/api/v1/notifications/read", null)
                        .json()
                        .get("unread_count")
                        .asLong())
                .isZero();
        assertThat(as(artist)
                        .post("/api/v1/notifications/read", Map.of("ids", List.of("not-a-uuid")))
                        .status())
                .isEqualTo(400);
    }

    private static List<String> types(ApiResponse page) {
        List<String> types = new ArrayList<>();
        page.json().get("items").forEach(item -> types.add(item.get("type").asText()));
        return types;
    }
}
