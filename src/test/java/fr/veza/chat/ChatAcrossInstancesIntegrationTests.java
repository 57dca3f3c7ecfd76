package fr.veza.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.VezaApplication;
import fr.veza.support.ChatSocket;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestDatabase;
import fr.veza.support.TestRedis;
import fr.veza.support.TestUser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances sharing PostgreSQL and Redis, as a deployment behind a load balancer: people connected to
 * different instances still chat, because events go through Redis publish/subscribe.
 */
class ChatAcrossInstancesIntegrationTests extends IntegrationTest {

    private static ConfigurableApplicationContext second;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("veza.platform.redis-url", TestRedis::url);
    }

    @BeforeAll
    static void secondInstance() {
        second = new SpringApplicationBuilder(VezaApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--veza.workers.enabled=false",
                        "--veza.database.url=" + TestDatabase.jdbcUrl(),
                        "--veza.platform.redis-url=" + TestRedis.url(),
                        // tokens it issues expire in seconds, for the socket that outlives its token
                        "--veza.identity.access-token-ttl=4s",
                        "--veza.storage.local-dir="
                                + Path.of("target", "test-data", "chat-second").toAbsolutePath());
    }

    @AfterAll
    static void stopSecond() {
        second.close();
    }

    @Test
    void peopleOnDifferentInstancesChat() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        String room = as(ana).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", ben.id()))
                .field("id");
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

        try (ChatSocket anaHere = ChatSocket.open(port, ana.accessToken());
                ChatSocket benThere = ChatSocket.open(secondPort, ben.accessToken())) {
            anaHere.send(Map.of("type", "send", "room_id", room, "body", "across the cluster"));
            assertThat(benThere.next("message").path("message").path("body").asText())
                    .isEqualTo("across the cluster");
            assertThat(anaHere.next("message").path("message").path("body").asText())
                    .as("the sender's own copy, through Redis too")
                    .isEqualTo("across the cluster");

            benThere.send(Map.of("type", "typing", "room_id", room));
            assertThat(anaHere.next("typing").path("user_id").asText())
                    .isEqualTo(ben.id().toString());

            benThere.send(Map.of("type", "send", "room_id", room, "body", "heard you"));
            assertThat(anaHere.next("message").path("message").path("body").asText())
                    .isEqualTo("heard you");
        }
    }

    @Test
    void aNotificationReachesASocketOnTheOtherInstanceAndSomeoneConnectedThereIsNotAway() throws Exception {
        TestUser artist = register("artist");
        TestUser fan = register();
        String room = as(fan).post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", artist.id()))
                .field("id");
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

        try (ChatSocket artistThere = ChatSocket.open(secondPort, artist.accessToken())) {
            as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);
            var frame = artistThere.next("notification");
            assertThat(frame.path("notification").path("type").asText()).isEqualTo("new_follower");
            assertThat(frame.path("unread_count").asLong()).isEqualTo(1);

            // connected on the second instance: present for the first, so a message is no notification
            as(fan).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "loved the set"));
            assertThat(artistThere.next("message").path("message").path("body").asText())
                    .isEqualTo("loved the set");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT count(*) FILTER (WHERE completion_date IS NULL) = 0 AND count(*) > 0"
                                    + " FROM event_publication WHERE serialized_event LIKE '%' || :room || '%'")
                            .param("room", room)
                            .query(Boolean.class)
                            .single());
            assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND type = 'chat_message'")
                            .param("u", artist.id())
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void aSocketClosesOnEveryInstanceWhenItsSessionEndsOrItsTokenExpiresUnrenewed() throws Exception {
        TestUser ana = register();
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

        // signed out on this instance, connected to the other
        try (ChatSocket there = ChatSocket.open(secondPort, ana.accessToken())) {
            assertThat(as(ana).post("/api/v1/auth/logout", null).status()).isEqualTo(204);
            ChatSocket.Closed closed = there.closedWithin(java.time.Duration.ofSeconds(15));
            assertThat(closed.code()).isEqualTo(4401);
            assertThat(closed.reason()).isEqualTo("signed out");
        }

        // a token from the other instance lives 4 s: renewed, the socket stays; left, it closes
        TestUser ben = register();
        String shortToken = loginOn(secondPort, ben);
        try (ChatSocket renewed = ChatSocket.open(secondPort, shortToken);
                ChatSocket left = ChatSocket.open(secondPort, loginOn(secondPort, ben))) {
            renewed.send(Map.of("type", "renew", "access_token", ana.accessToken()));
            assertThat(renewed.next("error").path("code").asText())
                    .as("someone else's token")
                    .isEqualTo("invalid_token");
            renewed.send(Map.of("type", "renew", "access_token", ben.accessToken()));
            assertThat(renewed.next("renewed").path("expires_at").asText()).isNotBlank();

            assertThat(left.closedWithin(java.time.Duration.ofSeconds(15)).reason())
                    .startsWith("access token expired");
            Thread.sleep(2000);
            renewed.send(Map.of(
                    "type", "typing", "room_id", java.util.UUID.randomUUID().toString()));
            assertThat(renewed.next("error").path("code").asText())
                    .as("still open")
                    .isEqualTo("not_found");
        }
    }

    private String loginOn(int instancePort, TestUser user) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + instancePort + "/api/v1/auth/login"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fr.veza.support.Api.json(
                                        Map.of("login", user.username(), "password", user.password()))))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("access_token")
                .asText();
    }
}
