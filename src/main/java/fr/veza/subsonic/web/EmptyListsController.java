package fr.veza.subsonic.web;

import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Veza does not have (podcasts, radio, videos, shares, bookmarks, chat, lyrics) answers an empty list, so
 * players that ask at start-up carry on instead of reporting an error. Who is playing what is not shown: listening
 * is private on Veza.
 */
@RestController
@Hidden
class EmptyListsController {

    /** Each method and the element of its (empty) answer. */
    private static final Map<String, String> EMPTY = Map.ofEntries(
            Map.entry("getNowPlaying", "nowPlaying"),
            Map.entry("getPodcasts", "podcasts"),
            Map.entry("getNewestPodcasts", "newestPodcasts"),
            Map.entry("getInternetRadioStations", "internetRadioStations"),
            Map.entry("getVideos", "videos"),
            Map.entry("getShares", "shares"),
            Map.entry("getBookmarks", "bookmarks"),
            Map.entry("getChatMessages", "chatMessages"),
            Map.entry("getLyrics", "lyrics"));

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;

    EmptyListsController(SubsonicAuthenticator auth, SubsonicWriter writer) {
        this.auth = auth;
        this.writer = writer;
    }

    @SubsonicEndpoint({
        "/rest/getNowPlaying", "/rest/getNowPlaying.view",
        "/rest/getPodcasts", "/rest/getPodcasts.view",
        "/rest/getNewestPodcasts", "/rest/getNewestPodcasts.view",
        "/rest/getInternetRadioStations", "/rest/getInternetRadioStations.view",
        "/rest/getVideos", "/rest/getVideos.view",
        "/rest/getShares", "/rest/getShares.view",
        "/rest/getBookmarks", "/rest/getBookmarks.view",
        "/rest/getChatMessages", "/rest/getChatMessages.view",
        "/rest/getLyrics", "/rest/getLyrics.view"
    })
    ResponseEntity<String> empty(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String method = http.getRequestURI().substring(http.getRequestURI().lastIndexOf('/') + 1);
        return writer.ok(call.format(), SubsonicNode.of(EMPTY.get(method.replaceFirst("\\.view$", ""))));
    }

    /** No saved play queue: an answer without one, as servers give when none was saved. */
    @SubsonicEndpoint({"/rest/getPlayQueue", "/rest/getPlayQueue.view"})
    ResponseEntity<String> playQueue(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        return writer.ok(call.format());
    }

    /** Veza's catalogue is always up to date: there is never a scan running. */
    @SubsonicEndpoint({"/rest/getScanStatus", "/rest/getScanStatus.view"})
    ResponseEntity<String> scanStatus(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        return writer.ok(call.format(), SubsonicNode.of("scanStatus").with("scanning", false));
    }
}
