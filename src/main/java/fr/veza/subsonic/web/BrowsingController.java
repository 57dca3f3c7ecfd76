package fr.veza.subsonic.web;

import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PlayerLibrary.Album;
import fr.veza.catalog.PlayerLibrary.Artist;
import fr.veza.catalog.PlayerLibrary.Song;
import fr.veza.identity.UserDirectory;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicEntries;
import fr.veza.subsonic.internal.SubsonicIds;
import fr.veza.subsonic.internal.SubsonicIds.Kind;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Browsing: artists (by index), their albums, an album's songs, a song, genres, and folder-style directories. */
@RestController
@Hidden
class BrowsingController {

    /** Veza sorts by the whole name, so no article is ignored. */
    static final String IGNORED_ARTICLES = "";

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;
    private final SubsonicEntries entries;
    private final PlayerLibrary library;
    private final UserDirectory users;

    BrowsingController(
            SubsonicAuthenticator auth,
            SubsonicWriter writer,
            SubsonicEntries entries,
            PlayerLibrary library,
            UserDirectory users) {
        this.auth = auth;
        this.writer = writer;
        this.entries = entries;
        this.library = library;
        this.users = users;
    }

    @SubsonicEndpoint({"/rest/getArtists", "/rest/getArtists.view"})
    ResponseEntity<String> artists(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        SubsonicNode artists = SubsonicNode.of("artists").with("ignoredArticles", IGNORED_ARTICLES);
        index(call, true).forEach(artists::add);
        return writer.ok(call.format(), artists);
    }

    @SubsonicEndpoint({"/rest/getIndexes", "/rest/getIndexes.view"})
    ResponseEntity<String> indexes(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        SubsonicNode indexes = SubsonicNode.of("indexes")
                .with("lastModified", System.currentTimeMillis())
                .with("ignoredArticles", IGNORED_ARTICLES);
        index(call, false).forEach(indexes::add);
        return writer.ok(call.format(), indexes);
    }

    @SubsonicEndpoint({"/rest/getArtist", "/rest/getArtist.view"})
    ResponseEntity<String> artist(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        Artist artist = artist(call, call.id("id", Kind.ARTIST));
        SubsonicNode node = entries.artists("artist", List.of(artist), call.viewer(), true)
                .get(0)
                .alone();
        entries.albums("album", library.albumsBy(artist.who().id(), call.viewer()), call.viewer(), true)
                .forEach(node::add);
        return writer.ok(call.format(), node);
    }

    @SubsonicEndpoint({"/rest/getAlbum", "/rest/getAlbum.view"})
    ResponseEntity<String> album(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        Album album = album(call, call.id("id", Kind.ALBUM));
        SubsonicNode node = entries.albums("album", List.of(album), call.viewer(), true)
                .get(0)
                .alone();
        entries.songs("song", library.albumSongs(album.id(), call.viewer()), call.viewer())
                .forEach(node::add);
        return writer.ok(call.format(), node);
    }

    @SubsonicEndpoint({"/rest/getSong", "/rest/getSong.view"})
    ResponseEntity<String> song(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String id = call.required("id");
        Song song = library.song(SubsonicIds.parse(id, Kind.SONG), call.viewer())
                .orElseThrow(() -> SubsonicIds.notFound(id));
        return writer.ok(
                call.format(),
                entries.songs("song", List.of(song), call.viewer()).get(0).alone());
    }

    /** Folder-style browsing: an artist is a directory of albums, an album a directory of songs. */
    @SubsonicEndpoint({"/rest/getMusicDirectory", "/rest/getMusicDirectory.view"})
    ResponseEntity<String> directory(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String id = call.required("id");
        SubsonicNode directory = SubsonicNode.of("directory").with("id", id);
        switch (SubsonicIds.kindOf(id)) {
            case ARTIST -> {
                Artist artist = artist(call, SubsonicIds.parse(id, Kind.ARTIST));
                directory.with("name", artist.who().name());
                entries.albums("child", library.albumsBy(artist.who().id(), call.viewer()), call.viewer(), false)
                        .forEach(directory::add);
            }
            case ALBUM -> {
                Album album = album(call, SubsonicIds.parse(id, Kind.ALBUM));
                directory
                        .with(
                                "parent",
                                SubsonicIds.of(Kind.ARTIST, album.artist().id()))
                        .with("name", album.name())
                        .with("playCount", album.playCount());
                entries.songs("child", library.albumSongs(album.id(), call.viewer()), call.viewer())
                        .forEach(directory::add);
            }
            default -> throw SubsonicIds.notFound(id);
        }
        return writer.ok(call.format(), directory);
    }

    @SubsonicEndpoint({"/rest/getGenres", "/rest/getGenres.view"})
    ResponseEntity<String> genres(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        SubsonicNode genres = SubsonicNode.of("genres");
        for (PlayerLibrary.Genre genre : library.genres(call.viewer())) {
            genres.add(SubsonicNode.item("genre")
                    .with("songCount", genre.songCount())
                    .with("albumCount", genre.albumCount())
                    .with("value", genre.name())
                    .text(genre.name()));
        }
        return writer.ok(call.format(), genres);
    }

    /** What Veza knows of an artist: the profile's bio. */
    @SubsonicEndpoint({"/rest/getArtistInfo", "/rest/getArtistInfo.view"})
    ResponseEntity<String> artistInfo(HttpServletRequest http) {
        return artistInfo(http, "artistInfo");
    }

    @SubsonicEndpoint({"/rest/getArtistInfo2", "/rest/getArtistInfo2.view"})
    ResponseEntity<String> artistInfo2(HttpServletRequest http) {
        return artistInfo(http, "artistInfo2");
    }

    private ResponseEntity<String> artistInfo(HttpServletRequest http, String element) {
        SubsonicRequest call = auth.open(http);
        Artist artist = artist(call, call.id("id", Kind.ARTIST));
        SubsonicNode info = SubsonicNode.of(element);
        users.findProfile(artist.who().username())
                .map(UserDirectory.Profile::bio)
                .filter(bio -> bio != null && !bio.isBlank())
                .ifPresent(bio -> info.add(SubsonicNode.of("biography").text(bio)));
        return writer.ok(call.format(), info);
    }

    /** Veza holds no notes about albums beyond their tracks: an empty answer, as the schema allows. */
    @SubsonicEndpoint({
        "/rest/getAlbumInfo",
        "/rest/getAlbumInfo.view",
        "/rest/getAlbumInfo2",
        "/rest/getAlbumInfo2.view"
    })
    ResponseEntity<String> albumInfo(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        album(call, call.id("id", Kind.ALBUM));
        return writer.ok(call.format(), SubsonicNode.of("albumInfo"));
    }

    @SubsonicEndpoint({"/rest/getTopSongs", "/rest/getTopSongs.view"})
    ResponseEntity<String> topSongs(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String name = call.required("artist");
        int count = call.integer("count", 50, 0, 500);
        SubsonicNode top = SubsonicNode.of("topSongs");
        library.artists(call.viewer()).stream()
                .filter(artist -> name.equalsIgnoreCase(artist.who().name())
                        || name.equalsIgnoreCase(artist.who().username()))
                .findFirst()
                .ifPresent(artist -> entries.songs(
                                "song", library.topSongs(artist.who().id(), count, call.viewer()), call.viewer())
                        .forEach(top::add));
        return writer.ok(call.format(), top);
    }

    /** Songs like a song (same artist or genre, most played first); for an artist, like its most played song. */
    @SubsonicEndpoint({"/rest/getSimilarSongs", "/rest/getSimilarSongs.view"})
    ResponseEntity<String> similarSongs(HttpServletRequest http) {
        return similar(http, "similarSongs");
    }

    @SubsonicEndpoint({"/rest/getSimilarSongs2", "/rest/getSimilarSongs2.view"})
    ResponseEntity<String> similarSongs2(HttpServletRequest http) {
        return similar(http, "similarSongs2");
    }

    private ResponseEntity<String> similar(HttpServletRequest http, String element) {
        SubsonicRequest call = auth.open(http);
        String id = call.required("id");
        int count = call.integer("count", 50, 0, 500);
        UUID seed = switch (SubsonicIds.kindOf(id)) {
            case ARTIST ->
                library
                        .topSongs(
                                artist(call, SubsonicIds.parse(id, Kind.ARTIST))
                                        .who()
                                        .id(),
                                1,
                                call.viewer())
                        .stream()
                        .map(Song::id)
                        .findFirst()
                        .orElse(null);
            case ALBUM ->
                library
                        .albumSongs(
                                album(call, SubsonicIds.parse(id, Kind.ALBUM)).id(), call.viewer())
                        .stream()
                        .map(Song::id)
                        .findFirst()
                        .orElse(null);
            default ->
                library.song(SubsonicIds.parse(id, Kind.SONG), call.viewer())
                        .map(Song::id)
                        .orElseThrow(() -> SubsonicIds.notFound(id));
        };
        SubsonicNode similar = SubsonicNode.of(element);
        if (seed != null) {
            entries.songs("song", library.similarSongs(seed, count, call.viewer()), call.viewer())
                    .forEach(similar::add);
        }
        return writer.ok(call.format(), similar);
    }

    /** Artists grouped under the upper-case first letter of their name (accents aside), "#" for the rest. */
    private List<SubsonicNode> index(SubsonicRequest call, boolean id3) {
        Map<String, SubsonicNode> groups = new LinkedHashMap<>();
        List<Artist> artists = library.artists(call.viewer()).stream()
                .sorted(java.util.Comparator.comparing(
                                (Artist a) -> letter(a.who().name()))
                        .thenComparing(a -> a.who().name().toLowerCase(Locale.ROOT)))
                .toList();
        List<SubsonicNode> nodes = entries.artists("artist", artists, call.viewer(), id3);
        for (int i = 0; i < artists.size(); i++) {
            String letter = letter(artists.get(i).who().name());
            groups.computeIfAbsent(letter, name -> SubsonicNode.item("index").with("name", name))
                    .add(nodes.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static String letter(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (plain.isEmpty() || !Character.isLetter(plain.codePointAt(0))) {
            return "#";
        }
        return new String(Character.toChars(plain.codePointAt(0))).toUpperCase(Locale.ROOT);
    }

    private Artist artist(SubsonicRequest call, UUID id) {
        return library.artist(id, call.viewer())
                .orElseThrow(() -> SubsonicIds.notFound(SubsonicIds.of(Kind.ARTIST, id)));
    }

    private Album album(SubsonicRequest call, UUID id) {
        return library.album(id, call.viewer()).orElseThrow(() -> SubsonicIds.notFound(SubsonicIds.of(Kind.ALBUM, id)));
    }
}
