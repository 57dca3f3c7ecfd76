package fr.veza.social;

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

class FeedIntegrationTests extends IntegrationTest {

    @Test
    void theFeedShowsFollowedArtistsPublicTracksAndRepostsNewestFirst() {
        TestUser listener = register();
        TestUser artist = register("artist");
        TestUser curator = register();
        TestUser stranger = register("artist");
        UUID older = readyTrack(artist, "Older", "public");
        age(older, "3 hours");
        UUID newer = readyTrack(artist, "Newer", "public");
        age(newer, "1 hour");
        readyTrack(artist, "Secret", "private");
        readyTrack(stranger, "Not followed", "public");
        UUID reposted = readyTrack(stranger, "Reposted gem", "public");

        as(listener).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(listener).put("/api/v1/users/" + curator.id() + "/follow", null);
        assertThat(as(curator)
                        .put("/api/v1/tracks/" + reposted + "/repost", null)
                        .status())
                .isEqualTo(200);

        JsonNode feed = as(listener).get("/api/v1/feed").json();
        assertThat(titles(feed)).containsExactly("Reposted gem", "Newer", "Older");
        assertThat(feed.get("items").get(0).get("kind").asText()).isEqualTo("repost");
        assertThat(feed.get("items").get(0).get("actor").get("username").asText())
                .isEqualTo(curator.username());
        assertThat(feed.get("items").get(1).get("kind").asText()).isEqualTo("track");
        assertThat(api().get("/api/v1/feed").status()).isEqualTo(401);
    }

    @Test
    void aSuspendedAccountsTracksAndRepostsLeaveTheFeed() {
        TestUser listener = register();
        TestUser artist = register("artist");
        TestUser curator = register("artist");
        TestUser other = register("artist");
        readyTrack(artist, "By the artist", "public");
        UUID byCurator = readyTrack(curator, "By the curator", "public");
        UUID byOther = readyTrack(other, "By another", "public");
        as(listener).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(listener).put("/api/v1/users/" + curator.id() + "/follow", null);
        as(artist).put("/api/v1/tracks/" + byCurator + "/repost", null);
        as(curator).put("/api/v1/tracks/" + byOther + "/repost", null);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", artist.id())
                .update();

        // the listener's first read, so nothing is cached yet: this is the database's answer
        JsonNode feed = as(listener).get("/api/v1/feed").json();

        assertThat(titles(feed)).containsExactlyInAnyOrder("By the curator", "By another");
    }

    @Test
    void theCursorWalksTheWholeFeedOnce() {
        TestUser listener = register();
        TestUser artist = register("artist");
        for (int i = 0; i < 25; i++) {
            age(readyTrack(artist, "Song " + i, "public"), (25 - i) + " minutes");
        }
        as(listener).put("/api/v1/users/" + artist.id() + "/follow", null);

        ApiResponse first = as(listener).get("/api/v1/feed");
        assertThat(first.json().get("items")).hasSize(20);
        ApiResponse second = as(listener).get("/api/v1/feed?cursor=" + first.field("next_cursor"));
        assertThat(second.json().get("items")).hasSize(5);
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        List<String> all = new ArrayList<>(titles(first.json()));
        all.addAll(titles(second.json()));
        assertThat(all)
                .doesNotHaveDuplicates()
                .hasSize(25)
                .startsWith("Song 24")
                .endsWith("Song 0");
        assertThat(as(listener).get("/api/v1/feed?cursor=garbage").status()).isEqualTo(400);
    }

    /**
     * The first page is cached; following, a track turning public, the artist renaming themselves, and unfollowing
     * each show at once.
     */
    @Test
    void theCachedFeedFollowsChanges() {
        TestUser listener = register();
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Soon public", "private");

        assertThat(as(listener).get("/api/v1/feed").json().get("items")).isEmpty();
        as(listener).put("/api/v1/users/" + artist.id() + "/follow", null);
        assertThat(as(listener).get("/api/v1/feed").json().get("items")).isEmpty();

        as(artist).patch("/api/v1/tracks/" + track, Map.of("visibility", "public"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(titles(as(listener).get("/api/v1/feed").json()))
                                .containsExactly("Soon public"));

        as(artist).patch("/api/v1/me", Map.of("display_name", "New Name"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(as(listener)
                                .get("/api/v1/feed")
                                .json()
                                .get("items")
                                .get(0)
                                .get("actor")
                                .get("display_name")
                                .asText())
                        .isEqualTo("New Name"));

        as(listener).delete("/api/v1/users/" + artist.id() + "/follow");
        assertThat(as(listener).get("/api/v1/feed").json().get("items")).isEmpty();
    }

    @Test
    void onlyOthersPublicTracksCanBeReposted() {
        TestUser artist = register("artist");
        UUID own = readyTrack(artist, "Mine", "public");
        UUID unlisted = readyTrack(register("artist"), "Unlisted", "unlisted");
        assertThat(as(artist).put("/api/v1/tracks/" + own + "/repost", null).status())
                .isEqualTo(400);
        assertThat(as(artist)
                        .put("/api/v1/tracks/" + unlisted + "/repost", null)
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM track_reposts WHERE user_id = :id")
                        .param("id", artist.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void age(UUID track, String interval) {
        jdbc.sql("UPDATE tracks SET ready_at = now() - CAST(:age AS interval) WHERE id = :id")
                .param("age", interval)
                .param("id", track)
                .update();
    }

    private static List<String> titles(JsonNode feed) {
        List<String> titles = new ArrayList<>();
        feed.get("items")
                .forEach(item -> titles.add(item.get("track").get("title").asText()));
        return titles;
    }
}
