package fr.veza.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Search on the default engine, PostgreSQL, with nothing set up. */
class PostgresSearchIntegrationTests extends IntegrationTest {

    @Test
    void typosAndPrefixesFindTracksAndTheirArtists() {
        String band = "Radiohead" + suffix();
        TestUser artist = register("artist");
        as(artist).patch("/api/v1/me", Map.of("display_name", band));
        UUID track = readyTrack(artist, "Paranoid Android " + band, "public");

        ApiResponse typo = api().get("/api/v1/search?type=users&q=" + band.replace("head", "hed"));
        assertThat(typo.status()).isEqualTo(200);
        assertThat(typo.header("X-Search-Engine")).isEqualTo("postgres");
        assertThat(ids(typo)).contains(artist.id().toString());

        assertThat(ids(api().get("/api/v1/search?q=paranoid+andro"))).contains(track.toString());
        assertThat(ids(api().get("/api/v1/search?q=" + band.replace("head", "hed"))))
                .contains(track.toString());
        ApiResponse item = api().get("/api/v1/search?q=" + band);
        assertThat(item.json().get("items").get(0).get("id").asText()).isEqualTo(track.toString());
        assertThat(item.json()
                        .get("items")
                        .get(0)
                        .get("artist")
                        .get("display_name")
                        .asText())
                .isEqualTo(band);
    }

    @Test
    void onlyWhatTheCallerMaySeeIsFound() {
        String word = "Zephyrine" + suffix();
        TestUser owner = register("artist");
        UUID open = readyTrack(owner, word + " open", "public");
        UUID hidden = readyTrack(owner, word + " hidden", "private");
        UUID unlisted = readyTrack(owner, word + " unlisted", "unlisted");
        String playlist = as(owner)
                .post("/api/v1/playlists", Map.of("title", word + " mix", "visibility", "private"))
                .field("id");

        assertThat(ids(api().get("/api/v1/search?q=" + word))).containsExactly(open.toString());
        assertThat(ids(as(register()).get("/api/v1/search?q=" + word))).containsExactly(open.toString());
        assertThat(ids(as(owner).get("/api/v1/search?q=" + word)))
                .containsExactlyInAnyOrder(open.toString(), hidden.toString(), unlisted.toString());
        assertThat(ids(api().get("/api/v1/search?type=playlists&q=" + word))).isEmpty();
        assertThat(ids(as(owner).get("/api/v1/search?type=playlists&q=" + word)))
                .containsExactly(playlist);
    }

    @Test
    void resultsArePagedWithACursor() {
        String word = "Pagination" + suffix();
        TestUser owner = register("artist");
        for (int i = 0; i < 5; i++) {
            readyTrack(owner, word + " part " + i, "public");
        }
        ApiResponse first = api().get("/api/v1/search?limit=3&q=" + word);
        assertThat(ids(first)).hasSize(3);
        ApiResponse second = api().get("/api/v1/search?limit=3&q=" + word + "&cursor=" + first.field("next_cursor"));
        assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void badQueriesGetAClearProblem() {
        assertThat(api().get("/api/v1/search").code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/search?q=%26%7C%21:*").code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/search?q=x&type=albums").code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/search?q=x&cursor=nope").code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/search?q=x&limit=500").status()).isEqualTo(400);
        // query syntax is never passed through: these are just words
        assertThat(api().get("/api/v1/search?q=a%27)%20OR%201=1--").status()).isEqualTo(200);
    }

    /** Six random letters: a word no other test's titles contain. */
    static String suffix() {
        StringBuilder letters = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    static List<String> ids(ApiResponse response) {
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
