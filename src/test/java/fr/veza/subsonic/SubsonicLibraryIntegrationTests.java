package fr.veza.subsonic;

import static fr.veza.support.SubsonicPlayer.all;
import static fr.veza.support.SubsonicPlayer.first;
import static fr.veza.support.SubsonicPlayer.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.SubsonicPlayer;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The Subsonic API over a small catalogue uploaded through the REST API: albums derived from the files' tags,
 * browsing, lists, search (an empty query pages through everything), media as seekable files, stars, scrobbles and
 * playlists, each answer checked against the official schema (XML) and in JSON; Veza's visibility rule throughout.
 */
class SubsonicLibraryIntegrationTests extends CatalogTest {

    /** Uploaded once for the class: processing real files is the slow part. */
    private static Catalogue catalogue;

    record Catalogue(
            TestUser artist,
            TestUser other,
            String neon,
            String tail,
            String single,
            String unlisted,
            String hidden,
            String othersNight,
            long neonOriginalSize) {}

    private Catalogue catalogue() throws Exception {
        if (catalogue == null) {
            TestUser artist = register("artist");
            TestUser other = register("artist");
            Path neonFile = TestMedia.tagged(
                    "neon", 4, Map.of("album", "Night Drive", "track", "1/3", "date", "2024", "title", "Neon"));
            String neon = upload(artist, neonFile, TestMedia.coverPng(), fields("Neon Avenue", "Synthwave", "public"))
                    .field("id");
            String tail = upload(
                            artist,
                            TestMedia.tagged(
                                    "tail", 4, Map.of("album", "Night Drive", "track", "2/3", "date", "2024-05-01")),
                            fields("Tail Lights", "Synthwave", "public"))
                    .field("id");
            String single = upload(artist, TestMedia.tone(3, "mp3"), fields("Loose Single", "Ambient", "public"))
                    .field("id");
            String unlisted = upload(
                            artist,
                            TestMedia.tagged("unlisted", 3, Map.of("album", "Night Drive", "track", "3/3")),
                            fields("Secret Bonus", "Synthwave", "unlisted"))
                    .field("id");
            String hidden = upload(artist, TestMedia.tone(3, "mp3"), fields("Draft", "Synthwave", "private"))
                    .field("id");
            String othersNight = upload(
                            other,
                            TestMedia.tagged("others-night", 3, Map.of("album", "night drive", "date", "1999")),
                            fields("Other Night", "Synthwave", "public"))
                    .field("id");
            for (String id : List.of(neon, tail, single, unlisted, hidden)) {
                assertThat(awaitProcessed(artist, id).field("status")).isEqualTo("ready");
            }
            assertThat(awaitProcessed(other, othersNight).field("status")).isEqualTo("ready");
            catalogue = new Catalogue(
                    artist, other, neon, tail, single, unlisted, hidden, othersNight, Files.size(neonFile));
        }
        return catalogue;
    }

    @Test
    void albumsComeFromTheFilesTagsPerArtistAndEverySongsAlbumResolves() throws Exception {
        Catalogue c = catalogue();
        SubsonicPlayer player = player(register());

        Element artist =
                first(player.ok("getArtist", params("id", "ar-" + c.artist().id())), "artist");
        assertThat(artist.getAttribute("name")).isEqualTo(c.artist().username());
        List<Element> albums = all(artist, "album");
        assertThat(albums)
                .extracting(a -> a.getAttribute("name"))
                .containsExactlyInAnyOrder("Night Drive", "Loose Single");
        assertThat(artist.getAttribute("albumCount")).isEqualTo("2");

        Element nightDrive = albums.stream()
                .filter(a -> a.getAttribute("name").equals("Night Drive"))
                .findFirst()
                .orElseThrow();
        assertThat(nightDrive.getAttribute("year")).isEqualTo("2024");
        assertThat(nightDrive.getAttribute("songCount"))
                .as("the unlisted and private songs are not listed")
                .isEqualTo("2");
        Element album = first(player.ok("getAlbum", params("id", nightDrive.getAttribute("id"))), "album");
        List<Element> songs = all(album, "song");
        assertThat(songs).extracting(s -> s.getAttribute("title")).containsExactly("Neon Avenue", "Tail Lights");
        Element neon = songs.get(0);
        assertThat(neon.getAttribute("id")).isEqualTo(c.neon());
        assertThat(neon.getAttribute("track")).isEqualTo("1");
        assertThat(neon.getAttribute("albumId")).isEqualTo(nightDrive.getAttribute("id"));
        assertThat(neon.getAttribute("artistId")).isEqualTo("ar-" + c.artist().id());
        assertThat(neon.getAttribute("suffix")).isEqualTo("mp3");
        assertThat(neon.getAttribute("contentType")).isEqualTo("audio/mpeg");
        assertThat(neon.getAttribute("type")).isEqualTo("music");
        assertThat(neon.getAttribute("isVideo")).isEqualTo("false");
        assertThat(neon.getAttribute("duration")).isEqualTo("4");
        assertThat(neon.getAttribute("genre")).isEqualTo("Synthwave");
        assertThat(neon.getAttribute("coverArt")).isEqualTo(c.neon());
        assertThat(neon.getAttribute("path")).isEqualTo(c.artist().username() + "/Night Drive/01 - Neon Avenue.mp3");
        assertThat(Long.parseLong(neon.getAttribute("size"))).isEqualTo(c.neonOriginalSize());

        // the same album name by another artist is another album; a song without an album tag is an album of its own
        Element others = first(player.ok("getSong", params("id", c.othersNight())), "song");
        assertThat(others.getAttribute("albumId")).isNotEqualTo(nightDrive.getAttribute("id"));
        Element single = first(player.ok("getSong", params("id", c.single())), "song");
        assertThat(single.getAttribute("album")).isEqualTo("Loose Single");
        for (String id : List.of(c.neon(), c.tail(), c.single(), c.othersNight())) {
            String albumId =
                    first(player.ok("getSong", params("id", id)), "song").getAttribute("albumId");
            assertThat(all(first(player.ok("getAlbum", params("id", albumId)), "album"), "song"))
                    .extracting(s -> s.getAttribute("id"))
                    .contains(id);
        }

        // folder-style browsing reaches the same songs
        Element directory = first(
                player.ok("getMusicDirectory", params("id", "ar-" + c.artist().id())), "directory");
        assertThat(all(directory, "child"))
                .allMatch(child -> child.getAttribute("isDir").equals("true"));
        Element albumFolder =
                first(player.ok("getMusicDirectory", params("id", nightDrive.getAttribute("id"))), "directory");
        assertThat(all(albumFolder, "child"))
                .extracting(s -> s.getAttribute("id"))
                .containsExactly(c.neon(), c.tail());

        // the same answer in JSON: lists are arrays, numbers are numbers, booleans are booleans
        JsonNode json = player.json("getAlbum", params("id", nightDrive.getAttribute("id")));
        assertThat(json.get("album").get("song").isArray()).isTrue();
        assertThat(json.get("album").get("songCount").isInt()).isTrue();
        assertThat(json.get("album").get("song").get(0).get("isDir").isBoolean())
                .isTrue();
        assertThat(json.get("album").get("song").get(0).get("id").isTextual()).isTrue();

        // OpenSubsonic's replayGain, from Veza's own measurement: the song's, and its album's over the album's songs
        // as its artist made it (the unlisted one included: the album is one loudness, whoever may list it)
        assertThat(first(neon, "replayGain").getAttribute("trackGain")).isNotEmpty();
        JsonNode replayGain = json.get("album").get("song").get(0).get("replayGain");
        JsonNode neonLoudness = as(c.artist()).get("/api/v1/tracks/" + c.neon()).json();
        assertThat(replayGain.get("trackGain").asDouble())
                .isEqualTo(neonLoudness.path("loudness").path("track_gain_db").asDouble());
        assertThat(replayGain.get("trackPeak").asDouble())
                .isCloseTo(
                        Math.pow(
                                10,
                                neonLoudness
                                                .path("loudness")
                                                .path("true_peak_dbtp")
                                                .asDouble()
                                        / 20),
                        within(0.0001));
        double energy = 0;
        double duration = 0;
        double peak = -100;
        for (String id : List.of(c.neon(), c.tail(), c.unlisted())) {
            JsonNode track = as(c.artist()).get("/api/v1/tracks/" + id).json();
            double lufs = track.path("loudness").path("integrated_lufs").asDouble();
            energy += track.path("duration_ms").asDouble() * Math.pow(10, lufs / 10);
            duration += track.path("duration_ms").asDouble();
            peak = Math.max(peak, track.path("loudness").path("true_peak_dbtp").asDouble());
        }
        assertThat(replayGain.get("albumGain").asDouble())
                .isCloseTo(-18 - 10 * Math.log10(energy / duration), within(0.01));
        assertThat(replayGain.get("albumPeak").asDouble()).isCloseTo(Math.pow(10, peak / 20), within(0.0001));
        assertThat(replayGain.get("baseGain").asDouble()).isZero();
    }

    @Test
    void indexesGenresAndListsHoldOnlyWhatAListenerMayFind() throws Exception {
        Catalogue c = catalogue();
        SubsonicPlayer player = player(register());

        List<String> artists = all(player.ok("getArtists", Map.of()), "artist").stream()
                .map(a -> a.getAttribute("id"))
                .toList();
        assertThat(artists).contains("ar-" + c.artist().id(), "ar-" + c.other().id());
        Element index = player.ok("getIndexes", Map.of());
        assertThat(all(index, "index")).allMatch(i -> i.getAttribute("name").matches("[A-Z#]|\\p{Lu}"));
        JsonNode artistsJson = player.json("getArtists", Map.of());
        assertThat(artistsJson.get("artists").get("index").isArray()).isTrue();

        JsonNode genres = player.json("getGenres", Map.of()).get("genres").get("genre");
        JsonNode synthwave = null;
        for (JsonNode genre : genres) {
            if (genre.get("value").asText().equals("Synthwave")) {
                synthwave = genre;
            }
        }
        assertThat(synthwave).isNotNull();
        assertThat(synthwave.get("songCount").asInt()).isGreaterThanOrEqualTo(3);

        Set<String> everything = new HashSet<>();
        for (String type : List.of("newest", "random", "frequent", "alphabeticalByName", "alphabeticalByArtist")) {
            List<Element> albums = all(player.ok("getAlbumList2", params("type", type, "size", "500")), "album");
            albums.forEach(a -> everything.add(a.getAttribute("name")));
            assertThat(albums).as(type).isNotEmpty();
        }
        assertThat(everything).doesNotContain("Draft", "Secret Bonus");
        List<Element> byGenre =
                all(player.ok("getAlbumList2", params("type", "byGenre", "genre", "Ambient", "size", "500")), "album");
        assertThat(byGenre)
                .extracting(a -> a.getAttribute("name"))
                .contains("Loose Single")
                .doesNotContain("Night Drive");
        List<Element> byYear = all(
                player.ok("getAlbumList2", params("type", "byYear", "fromYear", "1990", "toYear", "2000")), "album");
        assertThat(byYear)
                .extracting(a -> a.getAttribute("artistId"))
                .contains("ar-" + c.other().id());
        assertThat(byYear).allMatch(a -> Integer.parseInt(a.getAttribute("year")) <= 2000);
        List<Element> paged = all(
                player.ok("getAlbumList2", params("type", "alphabeticalByName", "size", "1", "offset", "1")), "album");
        assertThat(paged).hasSize(1);
        List<Element> folders = all(player.ok("getAlbumList", params("type", "newest", "size", "5")), "album");
        assertThat(folders).allMatch(a -> a.getAttribute("isDir").equals("true"));

        assertThat(player.error("getAlbumList2", Map.of())).isEqualTo(10);
        assertThat(player.error("getAlbumList2", params("type", "loudest"))).isEqualTo(0);
        assertThat(player.error("getAlbumList2", params("type", "byGenre"))).isEqualTo(10);
        assertThat(player.error("getAlbumList2", params("type", "newest", "size", "501")))
                .isEqualTo(0);

        assertThat(all(player.ok("getRandomSongs", params("size", "500", "genre", "Ambient")), "song"))
                .extracting(s -> s.getAttribute("id"))
                .contains(c.single())
                .doesNotContain(c.neon(), c.hidden());
        assertThat(all(player.ok("getSongsByGenre", params("genre", "synthwave", "count", "500")), "song"))
                .extracting(s -> s.getAttribute("id"))
                .contains(c.neon(), c.tail())
                .doesNotContain(c.unlisted(), c.hidden());
        assertThat(all(player.ok("getTopSongs", params("artist", c.artist().username())), "song"))
                .extracting(s -> s.getAttribute("id"))
                .containsExactlyInAnyOrder(c.neon(), c.tail(), c.single());
        assertThat(all(
                        player.ok(
                                "getSimilarSongs2",
                                params("id", "ar-" + c.artist().id())),
                        "song"))
                .isNotEmpty();

        // reachable by id like on the web (unlisted), never a private song of someone else
        assertThat(first(player.ok("getSong", params("id", c.unlisted())), "song")
                        .getAttribute("title"))
                .isEqualTo("Secret Bonus");
        assertThat(player.error("getSong", params("id", c.hidden()))).isEqualTo(70);
        assertThat(player.error("getSong", params("id", "not-an-id"))).isEqualTo(70);
        assertThat(player.error("getSong", Map.of())).isEqualTo(10);
        assertThat(player.error("getAlbum", params("id", "al-" + UUID.randomUUID())))
                .isEqualTo(70);

        // the owner finds their own private song in their player; a takedown hides it even from them
        SubsonicPlayer owner = player(c.artist());
        assertThat(all(owner.ok("getTopSongs", params("artist", c.artist().username(), "count", "10")), "song"))
                .extracting(s -> s.getAttribute("id"))
                .contains(c.hidden());
    }

    @Test
    void searchFindsSongsAlbumsAndArtistsAndAnEmptyQueryPagesThroughEverything() throws Exception {
        Catalogue c = catalogue();
        SubsonicPlayer player = player(register());

        Element found = first(player.ok("search3", params("query", "neon aven")), "searchResult3");
        assertThat(all(found, "song")).extracting(s -> s.getAttribute("id")).contains(c.neon());
        Element albums =
                first(player.ok("search3", params("query", "night drive", "albumCount", "50")), "searchResult3");
        assertThat(all(albums, "album"))
                .extracting(a -> a.getAttribute("artistId"))
                .contains("ar-" + c.artist().id(), "ar-" + c.other().id());
        Element artists = first(player.ok("search3", params("query", c.artist().username())), "searchResult3");
        assertThat(all(artists, "artist"))
                .extracting(a -> a.getAttribute("id"))
                .contains("ar-" + c.artist().id());
        Element hidden = first(player.ok("search3", params("query", "secret bonus")), "searchResult3");
        assertThat(all(hidden, "song")).extracting(s -> s.getAttribute("id")).doesNotContain(c.unlisted());
        Element folderStyle = first(player.ok("search2", params("query", "neon")), "searchResult2");
        assertThat(all(folderStyle, "song"))
                .extracting(s -> s.getAttribute("id"))
                .contains(c.neon());

        // players sync with query="" (or the two quote characters), page by page, until a page comes back short
        for (String everything : List.of("", "\"\"")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            for (int offset = 0; ; offset += 200) {
                Element page = first(
                        player.ok(
                                "search3",
                                params(
                                        "query",
                                        everything,
                                        "songCount",
                                        "200",
                                        "songOffset",
                                        String.valueOf(offset),
                                        "artistCount",
                                        "0",
                                        "albumCount",
                                        "0")),
                        "searchResult3");
                List<String> ids = all(page, "song").stream()
                        .map(s -> s.getAttribute("id"))
                        .toList();
                assertThat(all(page, "artist")).isEmpty();
                ids.forEach(id -> assertThat(seen.add(id))
                        .as("no song twice across pages")
                        .isTrue());
                order.addAll(ids);
                if (ids.size() < 200) {
                    break;
                }
            }
            assertThat(order)
                    .contains(c.neon(), c.tail(), c.single(), c.othersNight())
                    .doesNotContain(c.unlisted(), c.hidden());
        }
        JsonNode json =
                player.json("search3", params("query", "", "songCount", "1", "albumCount", "1", "artistCount", "1"));
        assertThat(json.get("searchResult3").get("song").isArray()).isTrue();
        assertThat(json.get("searchResult3").get("song")).hasSize(1);
    }

    @Test
    void streamsAreOneSeekableFileInTheRenditionAskedForAndOriginalsStayWithTheirOwner() throws Exception {
        Catalogue c = catalogue();
        SubsonicPlayer listener = player(register());

        HttpResponse<byte[]> best = listener.bytes("stream", params("id", c.neon()));
        assertThat(best.statusCode()).isEqualTo(200);
        assertThat(best.headers().firstValue("Content-Type")).hasValue("audio/mp2t");
        assertThat(best.headers().firstValueAsLong("Content-Length")).hasValue(best.body().length);
        assertThat(best.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        Path heard = Files.createTempFile("veza-stream", ".ts");
        Files.write(heard, best.body());
        assertThat(TestMedia.decodedSeconds(heard))
                .as("ffmpeg decodes the whole song")
                .isBetween(3.5, 4.5);

        assertThat(best.body())
                .as("the 256 kb/s rendition's segments, in order")
                .isEqualTo(rendition(c.neon(), "256k"));
        assertThat(listener.bytes("stream", params("id", c.neon(), "maxBitRate", "128"))
                        .body())
                .isEqualTo(rendition(c.neon(), "128k"));
        assertThat(listener.bytes("stream", params("id", c.neon(), "maxBitRate", "64"))
                        .body())
                .as("below every rendition: the smallest")
                .isEqualTo(rendition(c.neon(), "128k"));
        assertThat(listener.bytes("stream", params("id", c.neon(), "maxBitRate", "320"))
                        .body())
                .isEqualTo(best.body());
        HttpResponse<byte[]> range = listener.bytes("stream", params("id", c.neon()), "Range", "bytes=1000-1999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + best.body().length);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(best.body(), 1000, 2000));
        int last = best.body().length - 500;
        HttpResponse<byte[]> tail = listener.bytes("stream", params("id", c.neon()), "Range", "bytes=" + last + "-");
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(best.body(), last, best.body().length));

        // the original is for its owner (and buyers); anyone else asking for it gets the best rendition
        assertThat(listener.bytes("stream", params("id", c.neon(), "format", "raw"))
                        .body())
                .isEqualTo(best.body());
        assertThat(listener.bytes("download", params("id", c.neon())).headers().firstValue("Content-Type"))
                .hasValue("audio/mp2t");
        SubsonicPlayer owner = player(c.artist());
        HttpResponse<byte[]> original = owner.bytes("download", params("id", c.neon()));
        assertThat(original.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(original.body().length).isEqualTo((int) c.neonOriginalSize());
        assertThat(original.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("filename*=UTF-8''Neon%20Avenue.mp3"));
        assertThat(owner.bytes("stream", params("id", c.neon(), "format", "raw"))
                        .body())
                .isEqualTo(original.body());

        // a stream is not a play
        long plays = plays(c.neon());
        listener.bytes("stream", params("id", c.neon()));
        assertThat(plays(c.neon())).isEqualTo(plays);

        // covers, in the size asked for; refusals of binary methods are still Subsonic answers
        HttpResponse<byte[]> cover = listener.bytes("getCoverArt", params("id", c.neon(), "size", "64"));
        assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        String albumId =
                first(listener.ok("getSong", params("id", c.neon())), "song").getAttribute("albumId");
        HttpResponse<byte[]> albumCover = listener.bytes("getCoverArt", params("id", albumId));
        assertThat(albumCover.body().length).isGreaterThan(cover.body().length);
        ApiResponse missing = api().get("/rest/getCoverArt?" + listener.query(params("id", c.single())));
        assertThat(Integer.parseInt(first(SubsonicPlayer.xml(missing), "error").getAttribute("code")))
                .isEqualTo(70);
        ApiResponse privateStream = api().get("/rest/stream?" + listener.query(params("id", c.hidden())) + "&f=json");
        assertThat(privateStream.contentType()).startsWith("application/json");
        assertThat(privateStream
                        .json()
                        .get("subsonic-response")
                        .get("error")
                        .get("code")
                        .asInt())
                .isEqualTo(70);
    }

    @Test
    void starsAreLikesAndFollowsAndScrobblesCountPlaysUnderThePlayRule() throws Exception {
        Catalogue c = catalogue();
        TestUser person = register();
        SubsonicPlayer player = player(person);
        String albumId =
                first(player.ok("getSong", params("id", c.neon())), "song").getAttribute("albumId");

        // one call, repeated ids of every kind, as a form POST to the .view path
        player.post(
                "star",
                params(
                        "id",
                        c.neon(),
                        "id",
                        c.tail(),
                        "albumId",
                        albumId,
                        "artistId",
                        "ar-" + c.artist().id()));
        Element starred = first(player.ok("getStarred2", Map.of()), "starred2");
        assertThat(all(starred, "song"))
                .extracting(s -> s.getAttribute("id"))
                .containsExactlyInAnyOrder(c.neon(), c.tail());
        assertThat(all(starred, "album")).extracting(a -> a.getAttribute("id")).containsExactly(albumId);
        assertThat(all(starred, "artist"))
                .extracting(a -> a.getAttribute("id"))
                .containsExactly("ar-" + c.artist().id());
        assertThat(all(starred, "song"))
                .allMatch(s -> !s.getAttribute("starred").isEmpty());
        assertThat(all(first(player.ok("getStarred", Map.of()), "starred"), "album"))
                .allMatch(a -> a.getAttribute("isDir").equals("true"));
        assertThat(as(person).get("/api/v1/me/likes").text()).contains(c.neon(), c.tail());
        assertThat(as(person)
                        .get("/api/v1/users/" + c.artist().id() + "/follows")
                        .text())
                .contains("\"followed_by_you\":true");
        assertThat(all(first(player.ok("getAlbumList2", params("type", "starred")), "albumList2"), "album"))
                .extracting(a -> a.getAttribute("id"))
                .containsExactly(albumId);

        player.ok("unstar", params("id", c.tail(), "id", "ar-" + c.artist().id(), "albumId", albumId));
        starred = first(player.ok("getStarred2", Map.of()), "starred2");
        assertThat(all(starred, "song")).extracting(s -> s.getAttribute("id")).containsExactly(c.neon());
        assertThat(all(starred, "album")).isEmpty();
        assertThat(all(starred, "artist")).isEmpty();

        // an unknown id changes nothing, even beside a good one
        assertThat(player.error(
                        "star", params("id", c.single(), "id", UUID.randomUUID().toString())))
                .isEqualTo(70);
        assertThat(as(person).get("/api/v1/me/likes").text()).doesNotContain(c.single());
        assertThat(player.error("star", params("id", c.hidden()))).isEqualTo(70);
        player.ok("setRating", params("id", c.neon(), "rating", "4"));
        assertThat(player.error("setRating", params("id", c.neon(), "rating", "9")))
                .isEqualTo(0);

        long before = plays(c.single());
        player.ok("scrobble", params("id", c.single(), "submission", "false"));
        assertThat(plays(c.single())).as("now playing is not a play").isEqualTo(before);
        player.ok("scrobble", params("id", c.single()));
        assertThat(plays(c.single())).isEqualTo(before + 1);
        player.ok("scrobble", params("id", c.single()));
        assertThat(plays(c.single()))
                .as("the same listener cannot count twice within one play")
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM playback_history WHERE user_id = :user AND track_id = :track")
                        .param("user", person.id())
                        .param("track", UUID.fromString(c.single()))
                        .query(Integer.class)
                        .single())
                .as("the listen is in the person's history")
                .isEqualTo(2);

        // a read-only API key browses and streams but changes nothing
        String key = as(person)
                .post("/api/v1/developer/api-keys", Map.of("name", "Feishin", "scopes", List.of("read")))
                .field("key");
        ApiResponse refused = api().get("/rest/star?f=json&apiKey=" + key + "&id=" + c.single());
        assertThat(refused.json()
                        .get("subsonic-response")
                        .get("error")
                        .get("code")
                        .asInt())
                .isEqualTo(50);
        ApiResponse browsed = api().get("/rest/getSong?f=json&apiKey=" + key + "&id=" + c.single());
        assertThat(browsed.json().get("subsonic-response").get("status").asText())
                .isEqualTo("ok");
    }

    @Test
    void playlistsAreVezasOwnAndEditableFromAPlayer() throws Exception {
        Catalogue c = catalogue();
        TestUser person = register();
        SubsonicPlayer player = player(person);

        Element created = first(
                player.ok("createPlaylist", params("name", "Late drive", "songId", c.neon(), "songId", c.single())),
                "playlist");
        String id = created.getAttribute("id");
        assertThat(all(created, "entry")).extracting(e -> e.getAttribute("id")).containsExactly(c.neon(), c.single());
        assertThat(created.getAttribute("songCount")).isEqualTo("2");
        assertThat(created.getAttribute("owner")).isEqualTo(person.username());
        assertThat(as(person).get("/api/v1/playlists/" + id).text()).contains("Late drive");

        player.ok(
                "updatePlaylist",
                params(
                        "playlistId",
                        id,
                        "name",
                        "Late night drive",
                        "comment",
                        "for the road",
                        "public",
                        "true",
                        "songIdToAdd",
                        c.tail(),
                        "songIndexToRemove",
                        "0"));
        Element updated = first(player.ok("getPlaylist", params("id", id)), "playlist");
        assertThat(updated.getAttribute("name")).isEqualTo("Late night drive");
        assertThat(updated.getAttribute("comment")).isEqualTo("for the road");
        assertThat(updated.getAttribute("public")).isEqualTo("true");
        assertThat(all(updated, "entry")).extracting(e -> e.getAttribute("id")).containsExactly(c.single(), c.tail());
        assertThat(all(first(player.ok("getPlaylists", Map.of()), "playlists"), "playlist"))
                .extracting(p -> p.getAttribute("id"))
                .containsExactly(id);

        // the update form of createPlaylist replaces the songs
        player.ok("createPlaylist", params("playlistId", id, "songId", c.othersNight()));
        assertThat(all(first(player.ok("getPlaylist", params("id", id)), "playlist"), "entry"))
                .extracting(e -> e.getAttribute("id"))
                .containsExactly(c.othersNight());

        assertThat(player.error("updatePlaylist", params("playlistId", id, "songIdToAdd", c.hidden())))
                .isEqualTo(70);
        assertThat(player.error("updatePlaylist", params("playlistId", id, "songIndexToRemove", "7")))
                .isEqualTo(0);
        SubsonicPlayer stranger = player(register());
        assertThat(stranger.error("updatePlaylist", params("playlistId", id, "name", "mine now")))
                .isEqualTo(50);
        assertThat(stranger.error("deletePlaylist", params("id", id))).isEqualTo(50);
        assertThat(stranger.ok("getPlaylist", params("id", id))).isNotNull();
        assertThat(player.error("createPlaylist", params("name", " "))).isEqualTo(0);

        player.ok("deletePlaylist", params("id", id));
        assertThat(player.error("getPlaylist", params("id", id))).isEqualTo(70);
        assertThat(as(person).get("/api/v1/playlists/" + id).status()).isEqualTo(404);
    }

    @Test
    void whatVezaDoesNotHaveAnswersEmptyListsThatPlayersAccept() throws Exception {
        SubsonicPlayer player = player(register());
        for (String method : List.of(
                "getPodcasts",
                "getNewestPodcasts",
                "getInternetRadioStations",
                "getShares",
                "getBookmarks",
                "getNowPlaying",
                "getChatMessages",
                "getVideos",
                "getPlayQueue",
                "getScanStatus",
                "getLyrics")) {
            player.ok(method + ".view", Map.of());
        }
        assertThat(player.json("getPodcasts", Map.of()).get("podcasts").isObject())
                .isTrue();
    }

    private SubsonicPlayer player(TestUser person) {
        String password = as(person)
                .post("/api/v1/me/app-passwords", Map.of("name", "tests"))
                .field("password");
        return new SubsonicPlayer(api(), person.username(), password);
    }

    /** A rendition as stored: its HLS segments one after the other. */
    private byte[] rendition(String trackId, String name) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        for (String key : jdbc.sql("SELECT s.blob_key FROM track_segments s JOIN tracks t ON t.id = s.track_id"
                        + " AND t.media_version = s.media_version WHERE s.track_id = :id AND s.rendition = :name"
                        + " ORDER BY s.seq")
                .param("id", UUID.fromString(trackId))
                .param("name", name)
                .query(String.class)
                .list()) {
            try (var in = blobs.open(key)) {
                in.transferTo(out);
            }
        }
        return out.toByteArray();
    }

    private long plays(String trackId) {
        return jdbc.sql("SELECT play_count FROM tracks WHERE id = :id")
                .param("id", UUID.fromString(trackId))
                .query(Long.class)
                .single();
    }

    private static Map<String, String> fields(String title, String genre, String visibility) {
        return Map.of("title", title, "genre", genre, "visibility", visibility);
    }
}
