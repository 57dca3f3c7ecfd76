package fr.veza.subsonic.web;

import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PlayerLibrary.Album;
import fr.veza.catalog.PlayerLibrary.Artist;
import fr.veza.catalog.PlayerLibrary.Song;
import fr.veza.search.TextSearch;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicEntries;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code search3} (and the folder-style {@code search2}): songs and artists through Veza's search engine, albums by
 * their names. An empty query lists everything, page by page, because that is how players sync an offline library.
 */
@RestController
@Hidden
class SubsonicSearchController {

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;
    private final SubsonicEntries entries;
    private final PlayerLibrary library;
    private final TextSearch search;

    SubsonicSearchController(
            SubsonicAuthenticator auth,
            SubsonicWriter writer,
            SubsonicEntries entries,
            PlayerLibrary library,
            TextSearch search) {
        this.auth = auth;
        this.writer = writer;
        this.entries = entries;
        this.library = library;
        this.search = search;
    }

    @SubsonicEndpoint({"/rest/search3", "/rest/search3.view"})
    ResponseEntity<String> search3(HttpServletRequest http) {
        return search(http, "searchResult3", true);
    }

    @SubsonicEndpoint({"/rest/search2", "/rest/search2.view"})
    ResponseEntity<String> search2(HttpServletRequest http) {
        return search(http, "searchResult2", false);
    }

    private ResponseEntity<String> search(HttpServletRequest http, String element, boolean id3) {
        SubsonicRequest call = auth.open(http);
        String query = everything(call.text("query").orElse("")) ? "" : call.required("query");
        Page artists = page(call, "artist");
        Page albums = page(call, "album");
        Page songs = page(call, "song");
        SubsonicNode result = SubsonicNode.of(element);
        entries.artists("artist", artists(query, artists, call), call.viewer(), id3)
                .forEach(result::add);
        entries.albums("album", albums(query, albums, call), call.viewer(), id3).forEach(result::add);
        entries.songs("song", songs(query, songs, call), call.viewer()).forEach(result::add);
        return writer.ok(call.format(), result);
    }

    /** Players ask for everything with an empty query, or with the two quote characters of an empty one. */
    private static boolean everything(String query) {
        String bare = query.strip();
        return bare.isEmpty() || bare.equals("\"\"") || bare.equals("''") || bare.equals("*");
    }

    private List<Artist> artists(String query, Page page, SubsonicRequest call) {
        if (page.count() == 0) {
            return List.of();
        }
        if (query.isEmpty()) {
            return library.artists(call.viewer()).stream()
                    .skip(page.offset())
                    .limit(page.count())
                    .toList();
        }
        List<UUID> ids = search.people(query, call.viewer(), page.offset(), page.count());
        return ListsController.inOrder(ids, library.artists(ids, call.viewer()));
    }

    private List<Album> albums(String query, Page page, SubsonicRequest call) {
        return page.count() == 0 ? List.of() : library.searchAlbums(query, page.count(), page.offset(), call.viewer());
    }

    private List<Song> songs(String query, Page page, SubsonicRequest call) {
        if (page.count() == 0) {
            return List.of();
        }
        if (query.isEmpty()) {
            return library.allSongs(page.count(), page.offset(), call.viewer());
        }
        List<UUID> ids = search.tracks(query, call.viewer(), page.offset(), page.count());
        return ListsController.inOrder(ids, library.songs(ids, call.viewer()));
    }

    private static Page page(SubsonicRequest call, String kind) {
        return new Page(
                call.integer(kind + "Count", 20, 0, ListsController.MAX_SIZE),
                call.integer(kind + "Offset", 0, 0, Integer.MAX_VALUE));
    }

    private record Page(int count, int offset) {}
}
