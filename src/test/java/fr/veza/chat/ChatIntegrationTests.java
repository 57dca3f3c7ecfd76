package fr.veza.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.ChatSocket;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Rooms, messages and receipts through the REST API and a real WebSocket, as two people would use them. */
class ChatIntegrationTests extends IntegrationTest {

    @Test
    void aDirectRoomIsOneRoomPerPairAndOnlyItsMembersSeeIt() {
        TestUser ana = register();
        TestUser ben = register();
        TestUser eve = register();

        ApiResponse created = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()));
        assertThat(created.status()).isEqualTo(201);
        String room = created.field("id");
        assertThat(as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                        .field("id"))
                .isEqualTo(room);
        assertThat(as(ben).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ana.id()))
                        .field("id"))
                .isEqualTo(room);
        assertThat(as(ben).get("/api/v1/chat/rooms").text()).contains(room);

        assertThat(as(eve).get("/api/v1/chat/rooms/" + room).status()).isEqualTo(404);
        assertThat(as(eve).get("/api/v1/chat/rooms/" + room + "/messages").status())
                .isEqualTo(404);
        assertThat(as(eve).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "let me in"))
                        .status())
                .isEqualTo(404);
        assertThat(as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ana.id()))
                        .code())
                .isEqualTo("validation_failed");
        assertThat(as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", UUID.randomUUID()))
                        .status())
                .isEqualTo(400);
        assertThat(api().get("/api/v1/chat/rooms").status()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM chat_rooms WHERE direct_key LIKE :k", "%" + ana.id() + "%"))
                .isEqualTo(1);
    }

    @Test
    void messagesTravelOverTheSocketWithTypingAndReceipts() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        try (ChatSocket anaSocket = ChatSocket.open(port, ana.accessToken());
                ChatSocket benSocket = ChatSocket.open(port, ben.accessToken())) {

            anaSocket.send(Map.of("type", "send", "room_id", room, "body", "hello Ben", "client_ref", "r1"));

            JsonNode echoed = anaSocket.next("message");
            assertThat(echoed.path("client_ref").asText()).isEqualTo("r1");
            JsonNode received = benSocket.next("message");
            assertThat(received.path("message").path("body").asText()).isEqualTo("hello Ben");
            assertThat(received.path("message").path("author_id").asText())
                    .isEqualTo(ana.id().toString());
            String message = received.path("message").path("id").asText();
            assertThat(as(ben).get("/api/v1/chat/rooms")
                            .json()
                            .get("items")
                            .get(0)
                            .get("unread")
                            .asLong())
                    .isEqualTo(1);

            benSocket.send(Map.of("type", "typing", "room_id", room));
            assertThat(anaSocket.next("typing").path("user_id").asText())
                    .isEqualTo(ben.id().toString());

            benSocket.send(Map.of("type", "delivered", "room_id", room, "message_id", message));
            assertThat(anaSocket.next("receipt").path("kind").asText()).isEqualTo("delivered");
            benSocket.send(Map.of("type", "read", "room_id", room, "message_id", message));
            JsonNode read = anaSocket.next("receipt");
            assertThat(read.path("kind").asText()).isEqualTo("read");
            assertThat(read.path("user_id").asText()).isEqualTo(ben.id().toString());

            assertThat(as(ben).get("/api/v1/chat/rooms")
                            .json()
                            .get("items")
                            .get(0)
                            .get("unread")
                            .asLong())
                    .isZero();
            JsonNode members = as(ana).get("/api/v1/chat/rooms/" + room).json().get("members");
            JsonNode benMember =
                    members.get(0).get("id").asText().equals(ben.id().toString()) ? members.get(0) : members.get(1);
            assertThat(benMember.get("read_through").isNull()).isFalse();
            assertThat(as(ben).get("/api/v1/chat/rooms/" + room + "/messages").text())
                    .contains("hello Ben");
            assertThat(benSocket.all("typing", Duration.ofMillis(200)))
                    .as("nobody is told of their own typing")
                    .isEmpty();
        }
    }

    @Test
    void aBadFrameIsAnsweredWithAnErrorAndTheSocketStaysOpen() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        try (ChatSocket socket = ChatSocket.open(port, ana.accessToken())) {
            socket.send(Map.of("type", "send", "room_id", room, "body", " ", "client_ref", "empty"));
            JsonNode error = socket.next("error");
            assertThat(error.path("code").asText()).isEqualTo("validation_failed");
            assertThat(error.path("client_ref").asText()).isEqualTo("empty");
            socket.send(Map.of("type", "send", "room_id", UUID.randomUUID(), "body", "anyone?"));
            assertThat(socket.next("error").path("code").asText()).isEqualTo("not_found");

            socket.send(Map.of("type", "send", "room_id", room, "body", "still here"));
            assertThat(socket.next("message").path("message").path("body").asText())
                    .isEqualTo("still here");
        }
        assertThat(count("SELECT count(*) FROM chat_messages WHERE author_id = :k", ana.id()))
                .isEqualTo(1);
    }

    @Test
    void aSocketWithoutAValidTokenIsRefused() {
        assertThatThrownBy(() -> ChatSocket.open(port, null)).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> ChatSocket.open(port, "not-a-token")).isInstanceOf(ExecutionException.class);
    }

    @Test
    void historyPagesNewestFirstAndOnlyTheAuthorChangesAMessage() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        TestUser cat = register();
        ApiResponse group = as(ana).post(
                        "/api/v1/chat/rooms",
                        Map.of("kind", "group", "name", "Band", "member_ids", List.of(ben.id(), cat.id())));
        assertThat(group.status()).isEqualTo(201);
        String room = group.field("id");
        String messages = "/api/v1/chat/rooms/" + room + "/messages";
        String first = null;
        for (int i = 1; i <= 5; i++) {
            ApiResponse sent = as(i % 2 == 0 ? ben : ana).post(messages, Map.of("body", "message " + i));
            assertThat(sent.status()).isEqualTo(201);
            if (i == 1) {
                first = sent.field("id");
            }
        }

        ApiResponse page1 = as(cat).get(messages + "?limit=2");
        assertThat(bodies(page1)).containsExactly("message 5", "message 4");
        ApiResponse page2 = as(cat).get(messages + "?limit=2&cursor=" + page1.field("next_cursor"));
        assertThat(bodies(page2)).containsExactly("message 3", "message 2");
        ApiResponse page3 = as(cat).get(messages + "?limit=2&cursor=" + page2.field("next_cursor"));
        assertThat(bodies(page3)).containsExactly("message 1");
        assertThat(page3.json().get("next_cursor").isNull()).isTrue();

        try (ChatSocket catSocket = ChatSocket.open(port, cat.accessToken())) {
            assertThat(as(ben).patch("/api/v1/chat/messages/" + first, Map.of("body", "hijacked"))
                            .status())
                    .isEqualTo(403);
            assertThat(as(register())
                            .patch("/api/v1/chat/messages/" + first, Map.of("body", "hijacked"))
                            .status())
                    .isEqualTo(404);
            ApiResponse edited = as(ana).patch("/api/v1/chat/messages/" + first, Map.of("body", "message one"));
            assertThat(edited.status()).isEqualTo(200);
            assertThat(edited.field("edited_at")).isNotNull();
            assertThat(catSocket
                            .next("message_edited")
                            .path("message")
                            .path("body")
                            .asText())
                    .isEqualTo("message one");

            assertThat(as(ana).delete("/api/v1/chat/messages/" + first).status())
                    .isEqualTo(204);
            assertThat(catSocket.next("message_deleted").path("message_id").asText())
                    .isEqualTo(first);
        }
        JsonNode last = as(cat).get(messages + "?limit=5").json().get("items").get(4);
        assertThat(last.get("body").isNull()).isTrue();
        assertThat(last.get("deleted_at").isNull()).isFalse();
        assertThat(as(ana).delete("/api/v1/chat/messages/" + first).status()).isEqualTo(404);
    }

    @Test
    void sendingIsLimitedPerPerson() {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        String messages = "/api/v1/chat/rooms/" + room + "/messages";
        for (int i = 0; i < 30; i++) {
            assertThat(as(ana).post(messages, Map.of("body", "spam " + i)).status())
                    .isEqualTo(201);
        }

        ApiResponse refused = as(ana).post(messages, Map.of("body", "one more"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(as(ben).post(messages, Map.of("body", "my turn")).status())
                .as("the limit is per person")
                .isEqualTo(201);
        assertThat(count("SELECT count(*) FROM chat_messages WHERE author_id = :k", ana.id()))
                .isEqualTo(30);
    }

    private static List<String> bodies(ApiResponse page) {
        return page.json().get("items").findValuesAsText("body");
    }

    @Test
    void groupAdminsAddAndRemoveMembersWhoLoseTheRoomAtOnceAndTheLastAdminHandsTheRoleOn() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        TestUser cat = register();
        String room = as(ana).post(
                        "/api/v1/chat/rooms", Map.of("kind", "group", "name", "Band", "member_ids", List.of(ben.id())))
                .field("id");
        try (ChatSocket benSocket = ChatSocket.open(port, ben.accessToken());
                ChatSocket catSocket = ChatSocket.open(port, cat.accessToken())) {
            assertThat(as(ben).post("/api/v1/chat/rooms/" + room + "/members", Map.of("user_id", cat.id()))
                            .status())
                    .as("not an admin")
                    .isEqualTo(403);
            assertThat(as(ana).post("/api/v1/chat/rooms/" + room + "/members", Map.of("user_id", cat.id()))
                            .status())
                    .isEqualTo(204);
            assertThat(benSocket.next("member_joined").path("user_id").asText())
                    .isEqualTo(cat.id().toString());
            as(ana).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "welcome Cat"));
            assertThat(catSocket.next("message").path("message").path("body").asText())
                    .isEqualTo("welcome Cat");
            assertThat(benSocket.next("message").path("message").path("body").asText())
                    .isEqualTo("welcome Cat");

            assertThat(as(ana).delete("/api/v1/chat/rooms/" + room + "/members/" + cat.id())
                            .status())
                    .isEqualTo(204);
            assertThat(catSocket.next("member_left").path("user_id").asText())
                    .isEqualTo(cat.id().toString());
            as(ana).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "after Cat left"));
            assertThat(benSocket.next("message").path("message").path("body").asText())
                    .isEqualTo("after Cat left");
            assertThat(catSocket.all("message", Duration.ofMillis(500))).isEmpty();
            assertThat(as(cat).get("/api/v1/chat/rooms/" + room + "/messages").status())
                    .isEqualTo(404);
        }
        JsonNode kinds =
                as(ben).get("/api/v1/chat/rooms/" + room + "/messages").json().get("items");
        assertThat(kinds.findValuesAsText("kind")).contains("member_joined", "member_left", "text");

        // the only admin leaves: Ben, the longest-standing member left, may now add people
        assertThat(as(ana).delete("/api/v1/chat/rooms/" + room + "/members/" + ana.id())
                        .status())
                .isEqualTo(204);
        assertThat(as(ben).post("/api/v1/chat/rooms/" + room + "/members", Map.of("user_id", cat.id()))
                        .status())
                .isEqualTo(204);
        String direct = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        assertThat(as(ana).post("/api/v1/chat/rooms/" + direct + "/members", Map.of("user_id", cat.id()))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void reactionsAndRepliesArriveLiveAndAMessageHasItsThread() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        String question = as(ana).post(
                        "/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "Rehearsal on Friday?"))
                .field("id");
        try (ChatSocket anaSocket = ChatSocket.open(port, ana.accessToken())) {
            String thumbs = java.net.URLEncoder.encode("\uD83D\uDC4D", java.nio.charset.StandardCharsets.UTF_8);
            assertThat(as(ben).put("/api/v1/chat/messages/" + question + "/reactions/" + thumbs, null)
                            .status())
                    .isEqualTo(204);
            as(ben).put("/api/v1/chat/messages/" + question + "/reactions/" + thumbs, null);
            JsonNode reaction = anaSocket.next("reaction");
            assertThat(reaction.path("emoji").asText()).isEqualTo("\uD83D\uDC4D");
            assertThat(reaction.path("count").asInt()).isEqualTo(1);
            assertThat(as(ben).put("/api/v1/chat/messages/" + question + "/reactions/hello", null)
                            .status())
                    .isEqualTo(400);

            as(ben).send(
                            "POST",
                            "/api/v1/chat/rooms/" + room + "/messages",
                            "application/json",
                            fr.veza.support.Api.json(Map.of("body", "Yes, at six", "reply_to", question)));
            JsonNode reply = anaSocket.next("message").path("message");
            assertThat(reply.path("reply_to").asText()).isEqualTo(question);
            assertThat(reply.path("quote").path("excerpt").asText()).isEqualTo("Rehearsal on Friday?");
        }
        JsonNode history =
                as(ana).get("/api/v1/chat/rooms/" + room + "/messages").json().get("items");
        JsonNode asked = history.get(1);
        assertThat(asked.path("reactions").get(0).path("user_ids").get(0).asText())
                .isEqualTo(ben.id().toString());
        JsonNode thread = as(ana).get("/api/v1/chat/messages/" + question + "/replies")
                .json()
                .get("items");
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).path("body").asText()).isEqualTo("Yes, at six");
        assertThat(as(register())
                        .get("/api/v1/chat/messages/" + question + "/replies")
                        .status())
                .isEqualTo(404);
        assertThat(as(ben).send(
                                "POST",
                                "/api/v1/chat/rooms/" + room + "/messages",
                                "application/json",
                                fr.veza.support.Api.json(Map.of("body", "?", "reply_to", UUID.randomUUID())))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void presenceReachesThePeopleOneSharesARoomWithUnlessHiddenAndIsLimitedApartFromMessages() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        try (ChatSocket anaSocket = ChatSocket.open(port, ana.accessToken());
                ChatSocket benSocket = ChatSocket.open(port, ben.accessToken())) {
            JsonNode online = anaSocket.next("presence");
            assertThat(online.path("user_id").asText()).isEqualTo(ben.id().toString());
            assertThat(online.path("status").asText()).isEqualTo("online");

            benSocket.send(Map.of("type", "presence", "status", "away"));
            assertThat(anaSocket.next("presence").path("status").asText()).isEqualTo("away");
            JsonNode members = as(ana).get("/api/v1/chat/rooms/" + room).json().get("members");
            JsonNode benMember =
                    members.get(0).path("id").asText().equals(ben.id().toString()) ? members.get(0) : members.get(1);
            assertThat(benMember.path("presence").path("status").asText()).isEqualTo("away");
            assertThat(benMember.path("presence").path("last_seen_at").asText()).isNotBlank();

            assertThat(as(ben).put("/api/v1/chat/settings", Map.of("show_presence", false))
                            .json()
                            .path("show_presence")
                            .asBoolean())
                    .isFalse();
            benSocket.send(Map.of("type", "presence", "status", "online"));
            assertThat(anaSocket.all("presence", Duration.ofMillis(800)).stream()
                            .filter(frame -> frame.path("status").asText().equals("online"))
                            .toList())
                    .as("hidden")
                    .isEmpty();
            JsonNode hidden = as(ana).get("/api/v1/chat/rooms/" + room).json().get("members");
            assertThat(hidden.findValues("presence").stream()
                            .filter(node -> !node.isNull())
                            .toList())
                    .isEmpty();

            for (int i = 0; i < 40; i++) {
                benSocket.send(Map.of("type", "presence", "status", "away"));
            }
            assertThat(benSocket.next("error").path("code").asText()).isEqualTo("rate_limited");
            benSocket.send(Map.of("type", "send", "room_id", room, "body", "still here"));
            assertThat(anaSocket.next("message").path("message").path("body").asText())
                    .as("messages have a limit of their own")
                    .isEqualTo("still here");
        }
    }

    @Test
    void linksToVezaTracksAndPlaylistsAreCarriedAsReferencesAndShownAsCardsOfWhatAnyoneMaySee() throws Exception {
        TestUser artist = register("artist");
        TestUser ana = register();
        TestUser ben = register();
        UUID open = readyTrack(artist, "Open Skies", "public");
        UUID unlisted = readyTrack(artist, "Demo", "private");
        String mix = as(ana).post("/api/v1/playlists", Map.of("title", "Sunday mix", "visibility", "public"))
                .field("id");
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        String text = "listen http://localhost:8080/tracks/" + open + " and /tracks/" + unlisted
                + ", not https://evil.example/tracks/" + open + " nor evil.example/playlists/" + mix
                + "; the mix: /playlists/" + mix + "?from=chat and again /tracks/" + open;

        try (ChatSocket benSocket = ChatSocket.open(port, ben.accessToken())) {
            assertThat(as(ana).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", text))
                            .status())
                    .isEqualTo(201);
            JsonNode live = benSocket.next("message").path("message");
            assertThat(live.path("body").asText()).isEqualTo(text);
            // each link once, in order; only Veza's own address or a path of its own counts
            assertThat(live.path("references").toString())
                    .isEqualTo("[{\"type\":\"track\",\"id\":\"" + open + "\"},{\"type\":\"track\",\"id\":\"" + unlisted
                            + "\"},{\"type\":\"playlist\",\"id\":\"" + mix + "\"}]");
            // a private track is a reference without a card: a message reaches every member alike
            JsonNode cards = live.path("cards");
            assertThat(cards).hasSize(2);
            assertThat(cards.get(0).path("type").asText()).isEqualTo("track");
            assertThat(cards.get(0).path("title").asText()).isEqualTo("Open Skies");
            assertThat(cards.get(0).path("artist").asText()).isEqualTo(artist.username());
            assertThat(cards.get(0).path("href").asText()).isEqualTo("/tracks/" + open);
            assertThat(cards.get(1).path("title").asText()).isEqualTo("Sunday mix");
            assertThat(cards.get(1).path("artist").asText()).isEqualTo(ana.username());
            assertThat(cards.get(1).path("href").asText()).isEqualTo("/playlists/" + mix);
            assertThat(cards.toString()).doesNotContain("Demo");
        }

        JsonNode kept = as(ben).get("/api/v1/chat/rooms/" + room + "/messages")
                .json()
                .path("items")
                .get(0);
        assertThat(kept.path("cards")).hasSize(2);
        // once the track is private, its card is gone from the history too
        as(artist).patch("/api/v1/tracks/" + open, Map.of("visibility", "private"));
        kept = as(ben).get("/api/v1/chat/rooms/" + room + "/messages")
                .json()
                .path("items")
                .get(0);
        assertThat(kept.path("references")).hasSize(3);
        assertThat(kept.path("cards")).hasSize(1);
        assertThat(kept.path("cards").get(0).path("type").asText()).isEqualTo("playlist");

        as(ana).delete("/api/v1/chat/messages/" + kept.path("id").asText());
        JsonNode deleted = as(ben).get("/api/v1/chat/rooms/" + room + "/messages")
                .json()
                .path("items")
                .get(0);
        assertThat(deleted.path("references")).isEmpty();
        assertThat(deleted.path("cards")).isEmpty();
    }

    @Test
    void aClosedAccountsMessagesReadAsFromAFormerMemberUntilItComesBack() {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        as(ana).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "my number is 555-0100"));
        as(ben).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "noted"));

        assertThat(as(ana).send(
                                "DELETE",
                                "/api/v1/me",
                                "application/json",
                                fr.veza.support.Api.json(
                                        Map.of("password", ana.password(), "keep_public_tracks", false)))
                        .status())
                .isEqualTo(202);
        JsonNode items =
                as(ben).get("/api/v1/chat/rooms/" + room + "/messages").json().get("items");
        assertThat(items.get(0).get("body").asText()).isEqualTo("noted");
        assertThat(items.get(1).get("body").isNull()).isTrue();
        assertThat(items.get(1).get("author_id").isNull()).isTrue();
        assertThat(as(ben).get("/api/v1/chat/rooms/" + room + "/messages").text())
                .doesNotContain("555-0100");

        assertThat(api().post("/api/v1/auth/recover", Map.of("email", ana.email(), "password", ana.password()))
                        .status())
                .isEqualTo(200);
        JsonNode back =
                as(ben).get("/api/v1/chat/rooms/" + room + "/messages").json().get("items");
        assertThat(back.get(1).get("body").asText()).isEqualTo("my number is 555-0100");
        assertThat(back.get(1).get("author_id").asText()).isEqualTo(ana.id().toString());
    }

    private long count(String sql, Object key) {
        return jdbc.sql(sql).param("k", key).query(Long.class).single();
    }
}
