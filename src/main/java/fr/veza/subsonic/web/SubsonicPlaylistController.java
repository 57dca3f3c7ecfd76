package fr.veza.subsonic.web;

import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PlayerLibrary.Song;
import fr.veza.identity.UserDirectory;
import fr.veza.library.PlayerPlaylists;
import fr.veza.library.PlayerPlaylists.Contents;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicEntries;
import fr.veza.subsonic.internal.SubsonicError;
import fr.veza.subsonic.internal.SubsonicIds;
import fr.veza.subsonic.internal.SubsonicIds.Kind;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Veza's own playlists, as players list and edit them. A song index ({@code songIndexToRemove}) counts the songs
 * the player was shown, so an entry whose track became unavailable never shifts what a player removes.
 */
@RestController
@Hidden
class SubsonicPlaylistController {

    static final int MAX_TITLE = 200;

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;
    private final SubsonicEntries entries;
    private final PlayerPlaylists playlists;
    private final PlayerLibrary library;
    private final UserDirectory users;

    SubsonicPlaylistController(
            SubsonicAuthenticator auth,
            SubsonicWriter writer,
            SubsonicEntries entries,
            PlayerPlaylists playlists,
            PlayerLibrary library,
            UserDirectory users) {
        this.users = users;
        this.auth = auth;
        this.writer = writer;
        this.entries = entries;
        this.playlists = playlists;
        this.library = library;
    }

    /** One's own playlists; another person's public playlists are found by search on the web. */
    @SubsonicEndpoint({"/rest/getPlaylists", "/rest/getPlaylists.view"})
    ResponseEntity<String> list(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String me = users.find(call.viewer().id())
                .map(UserDirectory.UserSummary::username)
                .orElse("");
        call.text("username").filter(name -> !name.equalsIgnoreCase(me)).ifPresent(other -> {
            throw new SubsonicError(SubsonicError.NOT_AUTHORISED, "You may only list your own playlists.");
        });
        SubsonicNode list = SubsonicNode.of("playlists");
        for (Contents playlist : playlists.owned(call.viewer())) {
            list.add(playlist("playlist", playlist, songs(playlist, call)));
        }
        return writer.ok(call.format(), list);
    }

    @SubsonicEndpoint({"/rest/getPlaylist", "/rest/getPlaylist.view"})
    ResponseEntity<String> get(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        return writer.ok(call.format(), withSongs(call, call.id("id", Kind.PLAYLIST)));
    }

    /** Creates a playlist with its songs, or with {@code playlistId} replaces an own playlist's songs. */
    @SubsonicEndpoint({"/rest/createPlaylist", "/rest/createPlaylist.view"})
    ResponseEntity<String> create(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        call.requireWrite();
        List<UUID> songs = songIds(call, call.all("songId"));
        UUID id;
        if (call.text("playlistId").isPresent()) {
            id = call.id("playlistId", Kind.PLAYLIST);
            Contents current = open(call, id);
            playlists.remove(id, call.viewer(), current.trackIds());
            call.text("name").ifPresent(name -> playlists.change(id, call.viewer(), title(name), null, null));
        } else {
            id = playlists.create(call.viewer(), title(call.required("name")));
        }
        playlists.append(id, call.viewer(), songs);
        return writer.ok(call.format(), withSongs(call, id));
    }

    @SubsonicEndpoint({"/rest/updatePlaylist", "/rest/updatePlaylist.view"})
    ResponseEntity<String> update(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        call.requireWrite();
        UUID id = call.id("playlistId", Kind.PLAYLIST);
        Contents current = open(call, id);
        List<UUID> shown = songs(current, call).stream().map(Song::id).toList();
        List<UUID> removed = new ArrayList<>();
        for (String index : call.all("songIndexToRemove")) {
            int at = parseIndex(index);
            if (at < 0 || at >= shown.size()) {
                throw new SubsonicError(SubsonicError.GENERIC, "No song at index " + SubsonicError.clip(index) + ".");
            }
            removed.add(shown.get(at));
        }
        List<UUID> added = songIds(call, call.all("songIdToAdd"));
        String name = call.text("name").map(SubsonicPlaylistController::title).orElse(null);
        String comment = call.text("comment").orElse(null);
        Boolean isPublic = call.text("public").map(Boolean::parseBoolean).orElse(null);
        if (name != null || comment != null || isPublic != null) {
            playlists.change(id, call.viewer(), name, comment, isPublic);
        }
        playlists.remove(id, call.viewer(), removed);
        playlists.append(id, call.viewer(), added);
        return writer.ok(call.format());
    }

    @SubsonicEndpoint({"/rest/deletePlaylist", "/rest/deletePlaylist.view"})
    ResponseEntity<String> delete(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        call.requireWrite();
        UUID id = call.id("id", Kind.PLAYLIST);
        open(call, id);
        playlists.delete(id, call.viewer());
        return writer.ok(call.format());
    }

    private SubsonicNode withSongs(SubsonicRequest call, UUID id) {
        Contents playlist = open(call, id);
        List<Song> songs = songs(playlist, call);
        SubsonicNode node = playlist("playlist", playlist, songs).alone();
        entries.songs("entry", songs, call.viewer()).forEach(node::add);
        return node;
    }

    private SubsonicNode playlist(String element, Contents playlist, List<Song> songs) {
        long millis = songs.stream()
                .mapToLong(song -> song.durationMs() == null ? 0 : song.durationMs())
                .sum();
        SubsonicNode node = SubsonicNode.item(element)
                .with("id", playlist.summary().id().toString())
                .with("name", playlist.summary().title())
                .with("comment", playlist.summary().description())
                .with("owner", playlist.summary().owner().username())
                .with("public", "public".equals(playlist.summary().visibility()))
                .with("songCount", songs.size())
                .with("duration", (int) Math.min(Integer.MAX_VALUE, Math.round(millis / 1000.0)))
                .with("created", playlist.createdAt().toString())
                .with("changed", playlist.summary().updatedAt().toString());
        songs.stream()
                .filter(Song::hasCover)
                .findFirst()
                .ifPresent(song -> node.with("coverArt", song.id().toString()));
        return node;
    }

    /** The playlist's songs a player can play, in order. */
    private List<Song> songs(Contents playlist, SubsonicRequest call) {
        Map<UUID, Song> found = library.songs(playlist.trackIds(), call.viewer());
        return ListsController.inOrder(playlist.trackIds(), found);
    }

    private Contents open(SubsonicRequest call, UUID id) {
        return playlists.open(id, call.viewer()).orElseThrow(() -> SubsonicIds.notFound(id.toString()));
    }

    /** Every song must be one the person may see, or nothing changes. */
    private List<UUID> songIds(SubsonicRequest call, List<String> ids) {
        List<UUID> songs =
                ids.stream().map(id -> SubsonicIds.parse(id, Kind.SONG)).toList();
        Map<UUID, Song> found = library.songs(songs, call.viewer());
        for (int i = 0; i < songs.size(); i++) {
            if (!found.containsKey(songs.get(i))) {
                throw SubsonicIds.notFound(ids.get(i));
            }
        }
        return songs;
    }

    private static int parseIndex(String index) {
        try {
            return Integer.parseInt(index.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static String title(String name) {
        String title = name.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new SubsonicError(SubsonicError.GENERIC, "A playlist's name has 1 to " + MAX_TITLE + " characters.");
        }
        return title;
    }
}
