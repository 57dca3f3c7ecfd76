package fr.veza.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaylistIntegrationTests extends IntegrationTest {

    @Test
    void ownerBuildsAPlaylistAndOthersSeeItWhilePublic() {
        TestUser owner = register();
        TestUser artist = register("artist");
        UUID first = readyTrack(artist, "First light", "public");
        UUID second = readyTrack(artist, "Second wind", "public");

        ApiResponse created =
                as(owner).post("/api/v1/playlists", Map.of("title", "  Morning  ", "description", "to wake up"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("title")).isEqualTo("Morning");
        assertThat(created.field("visibility")).isEqualTo("public");
        String id = created.field("id");

        assertThat(as(owner)
                        .post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", first))
                        .status())
                .isEqualTo(200);
        ApiResponse added =
                as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", second, "position", 0));
        assertThat(trackIds(added.json())).containsExactly(second.toString(), first.toString());
        assertThat(added.json().get("track_count").asInt()).isEqualTo(2);

        ApiResponse seenByAnyone = api().get("/api/v1/playlists/" + id);
        assertThat(seenByAnyone.status()).isEqualTo(200);
        assertThat(seenByAnyone.json().get("owner").get("username").asText()).isEqualTo(owner.username());
        assertThat(seenByAnyone
                        .json()
                        .get("tracks")
                        .get(0)
                        .get("track")
                        .get("title")
                        .asText())
                .isEqualTo("Second wind");

        assertThat(as(owner)
                        .patch("/api/v1/playlists/" + id, Map.of("visibility", "private"))
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/playlists/" + id).status()).isEqualTo(404);
        assertThat(as(register()).get("/api/v1/playlists/" + id).status()).isEqualTo(404);
        assertThat(as(owner).get("/api/v1/playlists/" + id).status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerChangesAPlaylist() {
        TestUser owner = register();
        TestUser other = register();
        UUID track = readyTrack(register("artist"), "Theirs", "public");
        String id = as(owner).post("/api/v1/playlists", Map.of("title", "Mine")).field("id");

        assertThat(as(other)
                        .patch("/api/v1/playlists/" + id, Map.of("title", "Hijacked"))
                        .code())
                .isEqualTo("forbidden");
        assertThat(as(other)
                        .post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", track))
                        .code())
                .isEqualTo("forbidden");
        assertThat(as(other).delete("/api/v1/playlists/" + id).code()).isEqualTo("forbidden");
        assertThat(jdbc.sql("SELECT title FROM playlists WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("Mine");
        assertThat(as(admin()).delete("/api/v1/playlists/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/playlists/" + id).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        TestUser owner = register();
        UUID track = readyTrack(register("artist"), "Once", "public");
        String id =
                as(owner).post("/api/v1/playlists", Map.of("title", "Strict")).field("id");
        as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", track));

        ApiResponse noTitle = as(owner).post("/api/v1/playlists", Map.of("title", " "));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.contentType()).isEqualTo("application/problem+json");
        assertThat(as(owner)
                        .post("/api/v1/playlists", Map.of("title", "x", "visibility", "friends"))
                        .status())
                .isEqualTo(400);
        assertThat(as(owner)
                        .post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", track))
                        .code())
                .isEqualTo("conflict");
        assertThat(as(owner)
                        .post(
                                "/api/v1/playlists/" + id + "/tracks",
                                Map.of("track_id", readyTrack(register("artist"), "Other", "public"), "position", 5))
                        .status())
                .isEqualTo(400);
        UUID privateTrack = readyTrack(register("artist"), "Hidden", "private");
        assertThat(as(owner)
                        .post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", privateTrack))
                        .status())
                .isEqualTo(404);
        assertThat(as(owner)
                        .put("/api/v1/playlists/" + id + "/tracks/order", Map.of("track_ids", List.of()))
                        .status())
                .isEqualTo(400);

        assertThat(trackIds(as(owner).get("/api/v1/playlists/" + id).json())).containsExactly(track.toString());
    }

    @Test
    void removingAndReorderingKeepPositionsDense() {
        TestUser owner = register();
        TestUser artist = register("artist");
        List<UUID> tracks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tracks.add(readyTrack(artist, "Track " + i, "public"));
        }
        String id =
                as(owner).post("/api/v1/playlists", Map.of("title", "Order")).field("id");
        tracks.forEach(track -> as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", track)));

        ApiResponse removed = as(owner).delete("/api/v1/playlists/" + id + "/tracks/" + tracks.get(1));
        assertThat(trackIds(removed.json()))
                .containsExactly(
                        tracks.get(0).toString(),
                        tracks.get(2).toString(),
                        tracks.get(3).toString());

        ApiResponse reordered = as(owner)
                .put(
                        "/api/v1/playlists/" + id + "/tracks/order",
                        Map.of("track_ids", List.of(tracks.get(3), tracks.get(0), tracks.get(2))));
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(trackIds(reordered.json()))
                .containsExactly(
                        tracks.get(3).toString(),
                        tracks.get(0).toString(),
                        tracks.get(2).toString());
        assertThat(jdbc.sql("SELECT array_agg(position ORDER BY position) FROM playlist_tracks WHERE playlist_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("{0,1,2}");
    }

    @Test
    void aTrackThatBecomesUnavailableDisappearsFromOthersViews() {
        TestUser owner = register();
        TestUser artist = register("artist");
        UUID staying = readyTrack(artist, "Staying", "public");
        UUID leaving = readyTrack(artist, "Leaving", "public");
        String id =
                as(owner).post("/api/v1/playlists", Map.of("title", "Mixed")).field("id");
        as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", staying));
        as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", leaving));

        assertThat(as(artist)
                        .patch("/api/v1/tracks/" + leaving, Map.of("visibility", "private"))
                        .status())
                .isEqualTo(200);

        assertThat(trackIds(api().get("/api/v1/playlists/" + id).json())).containsExactly(staying.toString());
        // lists count what the viewer may see, like the playlist itself: no hint of the hidden track
        assertThat(api().get("/api/v1/users/" + owner.id() + "/playlists")
                        .json()
                        .get("items")
                        .get(0)
                        .get("track_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(as(owner)
                        .get("/api/v1/users/" + owner.id() + "/playlists")
                        .json()
                        .get("items")
                        .get(0)
                        .get("track_count")
                        .asInt())
                .isEqualTo(2);
        JsonNode ownView = as(owner).get("/api/v1/playlists/" + id).json();
        assertThat(ownView.get("tracks")).hasSize(2);
        assertThat(ownView.get("tracks").get(1).get("available").asBoolean()).isFalse();
        assertThat(ownView.get("tracks").get(1).get("track").isNull()).isTrue();
    }

    @Test
    void duplicateCopiesWhatTheCallerMaySee() {
        TestUser owner = register();
        TestUser artist = register("artist");
        UUID shown = readyTrack(artist, "Shown", "public");
        UUID own = readyTrack(owner, "Owner's private demo", "private");
        String id =
                as(owner).post("/api/v1/playlists", Map.of("title", "Source")).field("id");
        as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", own));
        as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", shown));

        TestUser fan = register();
        ApiResponse copy = as(fan).post("/api/v1/playlists/" + id + "/duplicate", null);
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.field("title")).isEqualTo("Source (copy)");
        assertThat(copy.field("visibility")).isEqualTo("private");
        assertThat(copy.json().get("owner").get("id").asText())
                .isEqualTo(fan.id().toString());
        assertThat(trackIds(copy.json())).containsExactly(shown.toString());
        assertThat(as(fan).get("/api/v1/users/" + fan.id() + "/playlists")
                        .json()
                        .get("items"))
                .hasSize(1);
        assertThat(api().get("/api/v1/users/" + fan.id() + "/playlists").json().get("items"))
                .isEmpty();
    }

    @Test
    void aDuplicateThatFailsHalfwayLeavesNothing() {
        TestUser owner = register();
        UUID track = readyTrack(register("artist"), "Copied", "public");
        String id =
                as(owner).post("/api/v1/playlists", Map.of("title", "Fragile")).field("id");
        as(owner).post("/api/v1/playlists/" + id + "/tracks", Map.of("track_id", track));
        // the entries' insert fails after the copy's playlist row was written: a crash between the two statements
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION fail_copy() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF EXISTS (SELECT 1 FROM playlists WHERE id = NEW.playlist_id AND copied_from IS NOT NULL)
                            THEN RAISE EXCEPTION 'disk full';
                            END IF;
                            RETURN NEW;
                        END $$
                        """).update();
        jdbc.sql("""
                        CREATE TRIGGER fail_copy BEFORE INSERT ON playlist_tracks FOR EACH ROW
                        EXECUTE FUNCTION fail_copy()
                        """).update();
        try {
            ApiResponse failed = as(owner).post("/api/v1/playlists/" + id + "/duplicate", null);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(jdbc.sql("SELECT count(*) FROM playlists WHERE copied_from = :id")
                            .param("id", UUID.fromString(id))
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS fail_copy ON playlist_tracks").update();
            jdbc.sql("DROP FUNCTION IF EXISTS fail_copy()").update();
        }
        assertThat(as(owner)
                        .post("/api/v1/playlists/" + id + "/duplicate", null)
                        .status())
                .isEqualTo(201);
    }

    private static List<String> trackIds(JsonNode playlist) {
        List<String> ids = new ArrayList<>();
        playlist.get("tracks").forEach(entry -> ids.add(entry.get("track_id").asText()));
        return ids;
    }
}
