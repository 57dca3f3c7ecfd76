package fr.veza.social;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LikeAndFollowIntegrationTests extends IntegrationTest {

    @Test
    void likeIsAnIdempotentToggle() {
        TestUser fan = register();
        UUID track = readyTrack(register("artist"), "Loved", "public");

        ApiResponse liked = as(fan).put("/api/v1/tracks/" + track + "/like", null);
        assertThat(liked.status()).isEqualTo(200);
        assertThat(liked.json().get("liked").asBoolean()).isTrue();
        assertThat(liked.json().get("like_count").asLong()).isEqualTo(1);
        assertThat(as(fan).put("/api/v1/tracks/" + track + "/like", null)
                        .json()
                        .get("like_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(as(fan).get("/api/v1/tracks/" + track + "/likes")
                        .json()
                        .get("liked")
                        .asBoolean())
                .isTrue();
        assertThat(api().get("/api/v1/tracks/" + track + "/likes")
                        .json()
                        .get("like_count")
                        .asLong())
                .isEqualTo(1);

        ApiResponse unliked = as(fan).delete("/api/v1/tracks/" + track + "/like");
        assertThat(unliked.json().get("liked").asBoolean()).isFalse();
        assertThat(unliked.json().get("like_count").asLong()).isZero();
        assertThat(as(fan).delete("/api/v1/tracks/" + track + "/like")
                        .json()
                        .get("like_count")
                        .asLong())
                .isZero();
    }

    @Test
    void tracksOneMayNotSeeCannotBeLiked() {
        UUID hidden = readyTrack(register("artist"), "Private", "private");
        assertThat(as(register())
                        .put("/api/v1/tracks/" + hidden + "/like", null)
                        .status())
                .isEqualTo(404);
        assertThat(api().put("/api/v1/tracks/" + hidden + "/like", null).status())
                .isEqualTo(401);
        assertThat(count("SELECT count(*) FROM track_likes WHERE track_id = :id", hidden))
                .isZero();
    }

    /**
     * Forty listeners like, unlike and like again, all at once; each ends liking the track. However the requests
     * interleave, the counter equals the rows.
     */
    @Test
    void concurrentLikeTogglesNeverMakeTheCounterDrift() throws Exception {
        UUID track = readyTrack(register("artist"), "Popular", "public");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fans.add(register());
        }
        List<Callable<Integer>> toggles = new ArrayList<>();
        for (TestUser fan : fans) {
            toggles.add(
                    () -> as(fan).put("/api/v1/tracks/" + track + "/like", null).status());
            toggles.add(
                    () -> as(fan).put("/api/v1/tracks/" + track + "/like", null).status());
            toggles.add(
                    () -> as(fan).delete("/api/v1/tracks/" + track + "/like").status());
        }
        assertThat(runAll(toggles)).containsOnly(200);
        List<Callable<Integer>> again = new ArrayList<>();
        for (TestUser fan : fans) {
            again.add(
                    () -> as(fan).put("/api/v1/tracks/" + track + "/like", null).status());
        }
        assertThat(runAll(again)).containsOnly(200);

        long rows = count("SELECT count(*) FROM track_likes WHERE track_id = :id", track);
        assertThat(rows).isEqualTo(40);
        assertThat(count("SELECT likes FROM track_like_counts WHERE track_id = :id", track))
                .isEqualTo(rows);
    }

    @Test
    void concurrentFollowsOfOneArtistAndOfEachOtherKeepCountsExact() throws Exception {
        TestUser artist = register("artist");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fans.add(register());
        }
        List<Callable<Integer>> toggles = new ArrayList<>();
        for (int i = 0; i < fans.size(); i++) {
            TestUser fan = fans.get(i);
            TestUser neighbour = fans.get((i + 1) % fans.size());
            toggles.add(() -> as(fan).put("/api/v1/users/" + artist.id() + "/follow", null)
                    .status());
            toggles.add(() -> as(fan).put("/api/v1/users/" + artist.id() + "/follow", null)
                    .status());
            // pairs following each other at the same moment lock the same two counter rows
            toggles.add(() -> as(fan).put("/api/v1/users/" + neighbour.id() + "/follow", null)
                    .status());
            toggles.add(() -> as(neighbour)
                    .put("/api/v1/users/" + fan.id() + "/follow", null)
                    .status());
        }
        assertThat(runAll(toggles)).containsOnly(200);
        List<Callable<Integer>> unfollows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestUser fan = fans.get(i);
            unfollows.add(() ->
                    as(fan).delete("/api/v1/users/" + artist.id() + "/follow").status());
            unfollows.add(() ->
                    as(fan).delete("/api/v1/users/" + artist.id() + "/follow").status());
        }
        assertThat(runAll(unfollows)).containsOnly(200);

        assertThat(count("SELECT count(*) FROM user_follows WHERE following_id = :id", artist.id()))
                .isEqualTo(20);
        ApiResponse stats = api().get("/api/v1/users/" + artist.id() + "/follows");
        assertThat(stats.json().get("followers").asLong()).isEqualTo(20);
        assertThat(count("""
                        SELECT count(*) FROM user_follow_counts c
                        WHERE c.followers <> (SELECT count(*) FROM user_follows WHERE following_id = c.user_id)
                           OR c.following <> (SELECT count(*) FROM user_follows WHERE follower_id = c.user_id)
                        """, null)).isZero();
    }

    @Test
    void nobodyFollowsThemselvesOrSomeoneWhoDoesNotExist() {
        TestUser user = register();
        ApiResponse self = as(user).put("/api/v1/users/" + user.id() + "/follow", null);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.contentType()).isEqualTo("application/problem+json");
        assertThat(as(user).put("/api/v1/users/" + UUID.randomUUID() + "/follow", null)
                        .status())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM user_follows WHERE follower_id = :id", user.id()))
                .isZero();
    }

    @Test
    void followerListsShowWhoFollowsWhomNewestFirst() {
        TestUser artist = register("artist");
        TestUser first = register();
        TestUser second = register();
        as(first).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(second).put("/api/v1/users/" + artist.id() + "/follow", null);

        ApiResponse page = api().get("/api/v1/users/" + artist.id() + "/followers?limit=1");
        assertThat(page.json().get("items").get(0).get("user").get("username").asText())
                .isEqualTo(second.username());
        ApiResponse next =
                api().get("/api/v1/users/" + artist.id() + "/followers?limit=1&cursor=" + page.field("next_cursor"));
        assertThat(next.json().get("items").get(0).get("user").get("username").asText())
                .isEqualTo(first.username());
        assertThat(next.json().get("next_cursor").isNull()).isTrue();
        assertThat(api().get("/api/v1/users/" + first.id() + "/following")
                        .json()
                        .get("items"))
                .hasSize(1);
        assertThat(as(first)
                        .get("/api/v1/users/" + artist.id() + "/follows")
                        .json()
                        .get("followed_by_you")
                        .asBoolean())
                .isTrue();
    }

    private long count(String sql, UUID id) {
        var statement = jdbc.sql(sql);
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.query(Long.class).single();
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
