package fr.veza.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ChatSocket;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person blocks another: follows, comments and chat stop reaching them, in both directions where it matters. */
class BlockingIntegrationTests extends IntegrationTest {

    @Test
    void aBlockedPersonCannotFollowCommentOrChatDirectlyAndIsUnheardInGroups() throws Exception {
        TestUser artist = register("artist");
        TestUser pest = register();
        TestUser friend = register();
        UUID track = readyTrack(artist, "Quiet please", "public");
        as(pest).put("/api/v1/users/" + artist.id() + "/follow", null);
        String direct = as(pest).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", artist.id()))
                .field("id");
        String group = as(friend)
                .post(
                        "/api/v1/chat/rooms",
                        Map.of("kind", "group", "name", "Gig", "member_ids", List.of(artist.id(), pest.id())))
                .field("id");
        as(pest).post("/api/v1/chat/rooms/" + group + "/messages", Map.of("body", "before the block"));

        assertThat(as(artist).put("/api/v1/users/" + pest.id() + "/block", null).status())
                .isEqualTo(200);
        assertThat(as(artist).put("/api/v1/users/" + pest.id() + "/block", null).status())
                .as("idempotent")
                .isEqualTo(200);

        // the follow ended, and cannot start again
        assertThat(as(pest).get("/api/v1/users/" + artist.id() + "/follows")
                        .json()
                        .path("following")
                        .asBoolean())
                .isFalse();
        assertThat(as(pest).put("/api/v1/users/" + artist.id() + "/follow", null)
                        .status())
                .isEqualTo(403);
        assertThat(as(pest).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "hello?"))
                        .status())
                .isEqualTo(403);
        assertThat(as(pest).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", artist.id()))
                        .status())
                .isEqualTo(403);
        assertThat(as(pest).post("/api/v1/chat/rooms/" + direct + "/messages", Map.of("body", "answer me"))
                        .status())
                .isEqualTo(403);
        assertThat(as(artist)
                        .post("/api/v1/chat/rooms/" + direct + "/messages", Map.of("body", "stop"))
                        .status())
                .as("the blocker does not write to them either")
                .isEqualTo(403);

        // in a group, the blocker no longer hears them, live or in the history; the others do
        try (ChatSocket artistSocket = ChatSocket.open(port, artist.accessToken());
                ChatSocket friendSocket = ChatSocket.open(port, friend.accessToken())) {
            as(pest).post("/api/v1/chat/rooms/" + group + "/messages", Map.of("body", "can you hear me"));
            assertThat(friendSocket.next("message").path("message").path("body").asText())
                    .isEqualTo("can you hear me");
            assertThat(artistSocket.all("message", Duration.ofMillis(800))).isEmpty();
        }
        String artistView =
                as(artist).get("/api/v1/chat/rooms/" + group + "/messages").text();
        assertThat(artistView).doesNotContain("can you hear me").doesNotContain("before the block");
        assertThat(as(friend).get("/api/v1/chat/rooms/" + group + "/messages").text())
                .contains("can you hear me");

        JsonNode blocks = as(artist).get("/api/v1/me/blocks").json().get("items");
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).get("username").asText()).isEqualTo(pest.username());
        assertThat(as(artist)
                        .put("/api/v1/users/" + artist.id() + "/block", null)
                        .status())
                .isEqualTo(400);

        assertThat(as(artist).delete("/api/v1/users/" + pest.id() + "/block").status())
                .isEqualTo(200);
        assertThat(as(pest).put("/api/v1/users/" + artist.id() + "/follow", null)
                        .status())
                .isEqualTo(200);
        assertThat(as(artist).get("/api/v1/me/blocks").json().get("items")).isEmpty();
    }
}
