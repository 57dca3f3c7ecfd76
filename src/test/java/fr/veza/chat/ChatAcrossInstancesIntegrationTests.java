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
}
