package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.veza.support.ApiResponse;
import fr.veza.support.ChatSocket;
import fr.veza.support.IntegrationTest;
import fr.veza.support.PushReceiver;
import fr.veza.support.TestUser;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications as they happen: over the socket with the unread count, to a push service standing in for a
 * browser vendor's (the test decrypts what it received with the subscription's private key and checks the VAPID
 * signature), and the kinds that came with them: reposts, chat while away, copyright notices.
 */
class LiveNotificationIntegrationTests extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer pushService;
    private final BlockingQueue<Received> pushed = new LinkedBlockingQueue<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    record Received(String path, Map<String, String> headers, byte[] body) {}

    @BeforeEach
    void startPushService() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            pushed.add(new Received(path, headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answers.getOrDefault(path, 201), -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stopPushService() {
        pushService.stop(0);
    }

    @Test
    void aNewNotificationArrivesOnTheOpenSocketWithTheUnreadCount() throws Exception {
        TestUser artist = register("artist");
        TestUser fan = register();
        try (ChatSocket socket = ChatSocket.open(port, artist.accessToken())) {
            as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);

            JsonNode frame = socket.next("notification");
            assertThat(frame.path("unread_count").asLong()).isEqualTo(1);
            assertThat(frame.path("notification").path("type").asText()).isEqualTo("new_follower");
            assertThat(frame.path("notification").path("actor").path("username").asText())
                    .isEqualTo(fan.username());

            as(artist).post("/api/v1/notifications/read", null);
            assertThat(socket.next("unread_count").path("unread_count").asLong())
                    .isZero();
        }
    }

    @Test
    void chosenKindsArePushedEncryptedToTheSubscriptionAndAGoneSubscriptionIsDeleted() throws Exception {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Pushed", "public");
        ApiResponse keys = as(artist).get("/api/v1/me/push-subscriptions");
        String vapidKey = keys.json().path("vapid_public_key").asText();
        assertThat(PushReceiver.decode(vapidKey)).hasSize(65);
        PushReceiver browser = PushReceiver.generate();
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
        ApiResponse subscribed = as(artist).post("/api/v1/me/push-subscriptions", subscription(endpoint, browser));
        assertThat(subscribed.status()).isEqualTo(201);

        TestUser fan = register();
        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);

        Received push = pushed.poll(15, TimeUnit.SECONDS);
        assertThat(push).as("a push for the new follower").isNotNull();
        assertThat(push.headers())
                .containsEntry("content-encoding", "aes128gcm")
                .containsKey("ttl");
        assertVapid(push.headers().get("authorization"), vapidKey, endpoint);
        JsonNode message = JSON.readTree(browser.decrypt(push.body()));
        assertThat(message.path("body").asText()).isEqualTo(fan.username() + " followed you");
        assertThat(message.path("url").asText()).endsWith("/notifications");
        assertThat(message.path("tag").asText()).isEqualTo("new_follower");

        // followers no longer pushed: the next push is the like that came after the second follow
        assertThat(as(artist)
                        .put("/api/v1/me/push-preferences", Map.of("follower", false))
                        .json()
                        .path("follower")
                        .asBoolean())
                .isFalse();
        as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(artist)
                                .get("/api/v1/notifications/unread-count")
                                .json()
                                .path("unread_count")
                                .asLong()
                        == 2);
        as(fan).put("/api/v1/tracks/" + track + "/like", null);
        Received like = pushed.poll(15, TimeUnit.SECONDS);
        assertThat(like).isNotNull();
        assertThat(JSON.readTree(browser.decrypt(like.body())).path("tag").asText())
                .isEqualTo("track_liked");

        // the browser went away: the push service answers 410 and the subscription is forgotten
        answers.put(push.path(), 410);
        assertThat(as(fan).post("/api/v1/tracks/" + track + "/comments", Map.of("body", "Again!"))
                        .status())
                .isEqualTo(201);
        // first the notification, then its push: a failure says which of the two did not happen
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "SELECT count(*) FROM notifications WHERE type = 'track_commented' AND user_id = :k",
                                artist.id())
                        == 1);
        assertThat(pushed.poll(20, TimeUnit.SECONDS))
                .as("the push of the comment's notification")
                .isNotNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(artist)
                        .get("/api/v1/me/push-subscriptions")
                        .json()
                        .path("items")
                        .isEmpty());
        assertThat(count("SELECT count(*) FROM push_subscriptions WHERE endpoint = :k", endpoint))
                .isZero();
    }

    @Test
    void aSubscriptionIsCheckedBeforeItIsKeptAndOnlyItsOwnerRemovesIt() throws Exception {
        TestUser owner = register();
        TestUser other = register();
        PushReceiver browser = PushReceiver.generate();
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();

        ApiResponse offCurve = as(owner)
                .post(
                        "/api/v1/me/push-subscriptions",
                        Map.of("endpoint", endpoint, "keys", Map.of("p256dh", "BAAA", "auth", browser.auth())));
        assertThat(offCurve.status()).isEqualTo(400);
        assertThat(offCurve.text()).contains("keys.p256dh");
        ApiResponse shortAuth = as(owner)
                .post(
                        "/api/v1/me/push-subscriptions",
                        Map.of("endpoint", endpoint, "keys", Map.of("p256dh", browser.p256dh(), "auth", "AAAA")));
        assertThat(shortAuth.text()).contains("keys.auth");
        assertThat(as(owner)
                        .post(
                                "/api/v1/me/push-subscriptions",
                                Map.of(
                                        "endpoint",
                                        "ftp://example.com/x",
                                        "keys",
                                        Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                        .text())
                .contains("endpoint");
        assertThat(count("SELECT count(*) FROM push_subscriptions WHERE user_id = :k", owner.id()))
                .isZero();

        String id = as(owner)
                .post("/api/v1/me/push-subscriptions", subscription(endpoint, browser))
                .field("id");
        assertThat(as(other).delete("/api/v1/me/push-subscriptions/" + id).status())
                .isEqualTo(404);
        assertThat(as(owner).get("/api/v1/me/push-subscriptions").json().path("items"))
                .hasSize(1);
        assertThat(as(owner)
                        .delete("/api/v1/me/push-subscriptions?endpoint=" + endpoint)
                        .status())
                .isEqualTo(204);
        assertThat(as(owner).get("/api/v1/me/push-subscriptions").json().path("items"))
                .isEmpty();
    }

    @Test
    void aChatMessageIsANotificationOnlyForMembersAwayOncePerRoomWhileAwayAndAMentionAlways() throws Exception {
        TestUser ana = register();
        TestUser ben = register();
        TestUser cat = register();
        String room = as(ana).post(
                        "/api/v1/chat/rooms",
                        Map.of("kind", "group", "name", "Band", "member_ids", List.of(ben.id(), cat.id())))
                .field("id");
        try (ChatSocket catHere = ChatSocket.open(port, cat.accessToken())) {
            assertThat(as(ana).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "Rehearsal at 8?"))
                            .status())
                    .isEqualTo(201);
            as(ana).post(
                            "/api/v1/chat/rooms/" + room + "/messages",
                            Map.of("body", "@" + cat.username() + " bring the capo"));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count(
                                    "SELECT count(*) FROM notifications WHERE user_id = :k AND type = 'chat_message'",
                                    ben.id())
                            == 1);
            // both messages handled: Ben still has one, Cat (here) none
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT count(*) FILTER (WHERE completion_date IS NULL) = 0 AND count(*) > 0"
                                    + " FROM event_publication WHERE serialized_event LIKE '%' || :room || '%'")
                            .param("room", room)
                            .query(Boolean.class)
                            .single());
            assertThat(count(
                            "SELECT count(*) FROM notifications WHERE user_id = :k AND type = 'chat_message'",
                            ben.id()))
                    .isEqualTo(1);
            // Cat is here, so only the message naming her is news to her
            assertThat(jdbc.sql("SELECT type FROM notifications WHERE user_id = :k")
                            .param("k", cat.id())
                            .query(String.class)
                            .list())
                    .containsExactly("chat_mention");
            JsonNode notification =
                    as(ben).get("/api/v1/notifications").json().path("items").get(0);
            assertThat(notification.path("payload").path("excerpt").asText()).isEqualTo("Rehearsal at 8?");
            assertThat(notification.path("payload").path("room_id").asText()).isEqualTo(room);
            assertThat(notification.path("actor").path("username").asText()).isEqualTo(ana.username());
        }
    }

    @Test
    void repostsAndCopyrightStepsAreNotifiedAndATakedownIsNotMailedTwice() {
        TestUser artist = register("artist");
        TestUser fan = register();
        UUID track = readyTrack(artist, "Covered", "public");
        as(fan).put("/api/v1/tracks/" + track + "/repost", null);

        String notice = fileDmcaNotice(track, "Rights Holder");
        assertThat(as(admin())
                        .post("/api/v1/admin/dmca/notices/" + notice + "/takedown", null)
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM notifications WHERE user_id = :k", artist.id()) == 2);
        assertThat(jdbc.sql("SELECT type FROM notifications WHERE user_id = :k ORDER BY created_at")
                        .param("k", artist.id())
                        .query(String.class)
                        .list())
                .containsExactly("track_reposted", "track_taken_down");
        // the formal notice is the uploader's mail about a takedown: the notification is not mailed as well
        assertThat(jdbc.sql("SELECT mail_state FROM notifications WHERE user_id = :k AND type = 'track_taken_down'")
                        .param("k", artist.id())
                        .query(String.class)
                        .single())
                .isEqualTo("skipped");
    }

    private long count(String sql, Object key) {
        return jdbc.sql(sql).param("k", key).query(Long.class).single();
    }

    private static Map<String, Object> subscription(String endpoint, PushReceiver browser) {
        return Map.of(
                "endpoint",
                endpoint,
                "expiration_time",
                0,
                "keys",
                Map.of("p256dh", browser.p256dh(), "auth", browser.auth()));
    }

    /** RFC 8292: a JWT signed with the key in k, for the endpoint's origin, expiring within a day. */
    private static void assertVapid(String authorization, String vapidKey, String endpoint) throws Exception {
        assertThat(authorization).startsWith("vapid t=").contains(", k=" + vapidKey);
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = token.split("\\.");
        byte[] point = PushReceiver.decode(vapidKey);
        var params = java.security.AlgorithmParameters.getInstance("EC");
        params.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(
                        new ECPoint(
                                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                                new BigInteger(1, Arrays.copyOfRange(point, 33, 65))),
                        params.getParameterSpec(java.security.spec.ECParameterSpec.class)));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(key);
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(PushReceiver.decode(parts[2])))
                .as("VAPID signature")
                .isTrue();
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("aud").asText()).isEqualTo(endpoint.substring(0, endpoint.indexOf("/push/")));
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(Instant.ofEpochSecond(claims.path("exp").asLong()))
                .isAfter(Instant.now())
                .isBefore(Instant.now().plus(Duration.ofHours(24)));
    }
}
