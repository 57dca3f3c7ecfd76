package fr.veza.subsonic;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.beardbot.subsonic.client.Subsonic;
import net.beardbot.subsonic.client.SubsonicPreferences;
import net.beardbot.subsonic.client.api.playlist.UpdatePlaylistParams;
import net.beardbot.subsonic.client.api.search.SearchParams;
import org.junit.jupiter.api.Test;
import org.subsonic.restapi.AlbumID3;
import org.subsonic.restapi.Child;
import org.subsonic.restapi.Playlist;
import org.subsonic.restapi.PlaylistWithSongs;

/**
 * The protocol as read by code nobody here wrote: the subsonic-java-client library (from Maven Central), which
 * signs in by token and parses every answer with classes generated from the official schema.
 */
class SubsonicClientIntegrationTests extends CatalogTest {

    @Test
    void aThirdPartyClientBrowsesSearchesStreamsStarsScrobblesAndKeepsPlaylists() throws Exception {
        TestUser artist = register("artist");
        String first = upload(
                        artist,
                        TestMedia.tagged(
                                "client-1", 4, Map.of("album", "Harbour Lights", "track", "1", "date", "2023")),
                        Map.of("title", "Low Tide", "genre", "Folk"))
                .field("id");
        String second = upload(
                        artist,
                        TestMedia.tagged(
                                "client-2", 4, Map.of("album", "Harbour Lights", "track", "2", "date", "2023")),
                        Map.of("title", "High Water", "genre", "Folk"))
                .field("id");
        assertThat(awaitProcessed(artist, first).field("status")).isEqualTo("ready");
        assertThat(awaitProcessed(artist, second).field("status")).isEqualTo("ready");

        TestUser listener = register();
        String password = as(listener)
                .post("/api/v1/me/app-passwords", Map.of("name", "subsonic-java-client"))
                .field("password");
        SubsonicPreferences preferences =
                new SubsonicPreferences("http://localhost:" + port, listener.username(), password);
        preferences.setClientName("veza-tests");
        Subsonic subsonic = new Subsonic(preferences);

        assertThat(subsonic.testConnection()).isTrue();
        subsonic.system().ping();
        assertThat(subsonic.system().getLicense().isValid()).isTrue();

        // browse: the artist, its album derived from the tags, the album's songs in order
        assertThat(subsonic.browsing().getArtists().stream().flatMap(index -> index.getArtists().stream()))
                .anyMatch(a -> a.getId().equals("ar-" + artist.id()));
        List<AlbumID3> albums =
                subsonic.browsing().getArtist("ar-" + artist.id()).getAlbums();
        assertThat(albums).extracting(AlbumID3::getName).containsExactly("Harbour Lights");
        List<Child> songs = subsonic.browsing().getAlbum(albums.get(0).getId()).getSongs();
        assertThat(songs).extracting(Child::getTitle).containsExactly("Low Tide", "High Water");
        assertThat(songs.get(0).getDuration()).isEqualTo(4);
        assertThat(subsonic.browsing().getSong(first).getAlbumId())
                .isEqualTo(albums.get(0).getId());

        // search with an empty query lists everything, as an offline sync does
        List<String> everything = subsonic
                .searching()
                .search3("", SearchParams.create().songCount(500).artistCount(0).albumCount(0))
                .getSongs()
                .stream()
                .map(Child::getId)
                .toList();
        assertThat(everything).contains(first, second);
        assertThat(subsonic.searching().search3("low tide").getSongs())
                .extracting(Child::getId)
                .contains(first);

        // stream a song and decode it
        Path heard = Files.createTempFile("veza-client", ".ts");
        try (InputStream stream = subsonic.media().stream(first).getInputStream()) {
            Files.copy(stream, heard, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(TestMedia.decodedSeconds(heard)).isBetween(3.5, 4.5);

        // star, and scrobble: the play counts
        subsonic.annotation().star(first);
        assertThat(subsonic.lists().getStarred2().getSongs())
                .extracting(Child::getId)
                .containsExactly(first);
        long plays = plays(first);
        subsonic.annotation().scrobble(first);
        assertThat(plays(first)).isEqualTo(plays + 1);

        // a playlist's round trip
        subsonic.playlists().createPlaylist("Harbour mix", first, second);
        Playlist created = subsonic.playlists().getPlaylists().stream()
                .filter(p -> p.getName().equals("Harbour mix"))
                .findFirst()
                .orElseThrow();
        assertThat(created.getSongCount()).isEqualTo(2);
        subsonic.playlists()
                .updatePlaylist(
                        created.getId(),
                        UpdatePlaylistParams.create()
                                .name("Harbour mix, reversed")
                                .removeSong(0)
                                .addSong(first));
        PlaylistWithSongs updated = subsonic.playlists().getPlaylist(created.getId());
        assertThat(updated.getName()).isEqualTo("Harbour mix, reversed");
        assertThat(updated.getEntries()).extracting(Child::getId).containsExactly(second, first);
        subsonic.playlists().deletePlaylist(created.getId());
        assertThat(subsonic.playlists().getPlaylists()).noneMatch(p -> p.getId().equals(created.getId()));
    }

    private long plays(String trackId) {
        return jdbc.sql("SELECT play_count FROM tracks WHERE id = :id")
                .param("id", UUID.fromString(trackId))
                .query(Long.class)
                .single();
    }
}
