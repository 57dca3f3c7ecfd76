package fr.veza.subsonic.web;

import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PlayerLibrary.Album;
import fr.veza.catalog.PlayerLibrary.AlbumOrder;
import fr.veza.catalog.PlayerLibrary.AlbumQuery;
import fr.veza.catalog.PlayerLibrary.Artist;
import fr.veza.catalog.PlayerLibrary.Song;
import fr.veza.social.Favourites;
import fr.veza.subsonic.internal.AlbumStars;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicEntries;
import fr.veza.subsonic.internal.SubsonicError;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Lists: albums in the protocol's orders, random songs, songs of a genre, what the person starred. */
@RestController
@Hidden
class ListsController {

    static final int MAX_SIZE = 500;

    private static final Map<String, AlbumOrder> ORDERS = Map.of(
            "random", AlbumOrder.RANDOM,
            "newest", AlbumOrder.NEWEST,
            "frequent", AlbumOrder.FREQUENT,
            "recent", AlbumOrder.RECENT,
            "alphabeticalByName", AlbumOrder.ALPHABETICAL_BY_NAME,
            "alphabeticalByArtist", AlbumOrder.ALPHABETICAL_BY_ARTIST,
            "byGenre", AlbumOrder.BY_GENRE,
            "byYear", AlbumOrder.BY_YEAR);

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;
    private final SubsonicEntries entries;
    private final PlayerLibrary library;
    private final Favourites favourites;
    private final AlbumStars albumStars;

    ListsController(
            SubsonicAuthenticator auth,
            SubsonicWriter writer,
            SubsonicEntries entries,
            PlayerLibrary library,
            Favourites favourites,
            AlbumStars albumStars) {
        this.auth = auth;
        this.writer = writer;
        this.entries = entries;
        this.library = library;
        this.favourites = favourites;
        this.albumStars = albumStars;
    }

    @SubsonicEndpoint({"/rest/getAlbumList", "/rest/getAlbumList.view"})
    ResponseEntity<String> albumList(HttpServletRequest http) {
        return albumList(http, "albumList", false);
    }

    @SubsonicEndpoint({"/rest/getAlbumList2", "/rest/getAlbumList2.view"})
    ResponseEntity<String> albumList2(HttpServletRequest http) {
        return albumList(http, "albumList2", true);
    }

    private ResponseEntity<String> albumList(HttpServletRequest http, String element, boolean id3) {
        SubsonicRequest call = auth.open(http);
        String type = call.required("type");
        int size = call.integer("size", 10, 0, MAX_SIZE);
        int offset = call.integer("offset", 0, 0, Integer.MAX_VALUE);
        List<Album> albums;
        if ("starred".equals(type)) {
            albums = starredAlbums(call).stream().skip(offset).limit(size).toList();
        } else {
            AlbumOrder order = ORDERS.get(type);
            if (order == null) {
                throw new SubsonicError(SubsonicError.GENERIC, "Unknown list type " + SubsonicError.clip(type) + ".");
            }
            String genre = order == AlbumOrder.BY_GENRE ? call.required("genre") : null;
            Integer from = null;
            Integer to = null;
            if (order == AlbumOrder.BY_YEAR) {
                call.required("fromYear");
                call.required("toYear");
                from = call.integer("fromYear", 0, 0, 9999);
                to = call.integer("toYear", 0, 0, 9999);
            }
            albums = library.albums(new AlbumQuery(order, size, offset, genre, from, to), call.viewer());
        }
        SubsonicNode list = SubsonicNode.of(element);
        entries.albums("album", albums, call.viewer(), id3).forEach(list::add);
        return writer.ok(call.format(), list);
    }

    @SubsonicEndpoint({"/rest/getRandomSongs", "/rest/getRandomSongs.view"})
    ResponseEntity<String> randomSongs(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        List<Song> songs = library.randomSongs(
                call.integer("size", 10, 0, MAX_SIZE),
                call.text("genre").orElse(null),
                call.optionalInteger("fromYear"),
                call.optionalInteger("toYear"),
                call.viewer());
        SubsonicNode random = SubsonicNode.of("randomSongs");
        entries.songs("song", songs, call.viewer()).forEach(random::add);
        return writer.ok(call.format(), random);
    }

    @SubsonicEndpoint({"/rest/getSongsByGenre", "/rest/getSongsByGenre.view"})
    ResponseEntity<String> songsByGenre(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        List<Song> songs = library.songsByGenre(
                call.required("genre"),
                call.integer("count", 10, 0, MAX_SIZE),
                call.integer("offset", 0, 0, Integer.MAX_VALUE),
                call.viewer());
        SubsonicNode byGenre = SubsonicNode.of("songsByGenre");
        entries.songs("song", songs, call.viewer()).forEach(byGenre::add);
        return writer.ok(call.format(), byGenre);
    }

    @SubsonicEndpoint({"/rest/getStarred", "/rest/getStarred.view"})
    ResponseEntity<String> starred(HttpServletRequest http) {
        return starred(http, "starred", false);
    }

    @SubsonicEndpoint({"/rest/getStarred2", "/rest/getStarred2.view"})
    ResponseEntity<String> starred2(HttpServletRequest http) {
        return starred(http, "starred2", true);
    }

    /** Starred songs are liked tracks, starred artists followed accounts, starred albums the albums' own stars. */
    private ResponseEntity<String> starred(HttpServletRequest http, String element, boolean id3) {
        SubsonicRequest call = auth.open(http);
        UUID me = call.viewer().id();
        List<UUID> followed = favourites.follows(me, 1_000).stream()
                .map(Favourites.Favourite::id)
                .toList();
        List<Artist> artists = inOrder(followed, library.artists(followed, call.viewer()));
        List<UUID> liked = favourites.likes(me, 1_000).stream()
                .map(Favourites.Favourite::id)
                .toList();
        List<Song> songs = inOrder(liked, library.songs(liked, call.viewer()));
        SubsonicNode starred = SubsonicNode.of(element);
        entries.artists("artist", artists, call.viewer(), id3).forEach(starred::add);
        entries.albums("album", starredAlbums(call), call.viewer(), id3).forEach(starred::add);
        entries.songs("song", songs, call.viewer()).forEach(starred::add);
        return writer.ok(call.format(), starred);
    }

    private List<Album> starredAlbums(SubsonicRequest call) {
        List<UUID> ids = List.copyOf(albumStars.starred(call.viewer().id()).keySet());
        return inOrder(ids, library.albums(ids, call.viewer()));
    }

    /** The found values in the order of {@code ids}; ids with nothing found (no longer visible) are left out. */
    static <T> List<T> inOrder(Collection<UUID> ids, Map<UUID, T> found) {
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
