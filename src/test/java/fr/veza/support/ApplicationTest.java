package fr.veza.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of tests that go through HTTP against the whole application and real engines; it names no database,
 * so a subclass says which one (see {@link IntegrationTest}, the usual choice).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApplicationTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** A client with an address of its own, so rate limits of one test never touch another. */
    protected Api api() {
        int n = CLIENTS.incrementAndGet();
        return new Api(port).from("198.51." + (n / 250) % 250 + "." + (n % 250 + 1));
    }

    protected TestUser register() {
        return register("listener");
    }

    protected TestUser register(String role) {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String password = "a long enough passphrase " + UUID.randomUUID();
        ApiResponse response = api().post(
                        "/api/v1/auth/register",
                        Map.of("email", name + "@example.com", "username", name, "password", password, "role", role));
        if (response.status() != 201) {
            throw new AssertionError("registration failed: " + response);
        }
        return new TestUser(
                UUID.fromString(response.json().get("user").get("id").asText()),
                name,
                name + "@example.com",
                password,
                response.field("access_token"),
                response.field("refresh_token"));
    }

    protected TestUser admin() {
        ApiResponse login = api().post(
                        "/api/v1/auth/login",
                        Map.of("login", "root@veza.test", "password", "admin password for tests"));
        if (login.status() != 200) {
            throw new AssertionError("admin login failed: " + login);
        }
        UUID id = jdbc.sql("SELECT id FROM users WHERE email = 'root@veza.test'")
                .query(UUID.class)
                .single();
        return new TestUser(
                id,
                "root",
                "root@veza.test",
                "admin password for tests",
                login.field("access_token"),
                login.field("refresh_token"));
    }

    /**
     * A DMCA notice about {@code track}, with every element, filed as anyone may, by {@code claimant}, about "The
     * song Tide, 2019"; answers the notice's id.
     */
    protected String fileDmcaNotice(UUID track, String claimant) {
        ApiResponse filed = api().post(
                        "/api/v1/dmca/notice",
                        Map.of(
                                "claimant_name",
                                claimant,
                                "claimant_address",
                                "1 Label Street, Paris",
                                "claimant_email",
                                "rights-" + UUID.randomUUID() + "@example.com",
                                "claimant_phone",
                                "+33 1 23 45 67 89",
                                "copyrighted_work",
                                "The song Tide, 2019",
                                "track_id",
                                track.toString(),
                                "good_faith_statement",
                                true,
                                "accuracy_statement",
                                true,
                                "signature",
                                claimant));
        if (filed.status() != 201) {
            throw new AssertionError("filing the notice failed: " + filed);
        }
        return filed.field("id");
    }

    /** A ready track row, as processing leaves it, without running ffmpeg; nothing is published about it. */
    protected UUID readyTrack(TestUser owner, String title, String visibility) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO tracks (id, owner_id, title, visibility, status, file_path, original_format, ready_at,"
                                + " duration_ms) VALUES (:id, :owner, :title, :visibility, 'ready', :path, 'mp3', now(), 180000)")
                .param("id", id)
                .param("owner", owner.id())
                .param("title", title)
                .param("visibility", visibility)
                .param("path", "tracks/" + id + "/original")
                .update();
        return id;
    }

    /** Puts a track on sale as a download at this price, as its seller would. */
    protected ApiResponse offerDownload(TestUser seller, UUID track, long amount, String currency) {
        return as(seller)
                .post(
                        "/api/v1/marketplace/products",
                        Map.of(
                                "track_id",
                                track,
                                "kind",
                                "download",
                                "price",
                                Map.of("amount", amount, "currency", currency)));
    }

    protected Api as(TestUser user) {
        return api().bearer(user.accessToken());
    }
}
