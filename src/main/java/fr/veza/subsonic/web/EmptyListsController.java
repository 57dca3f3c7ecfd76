package fr.veza.subsonic.web;

import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Veza does not have (podcasts, radio, videos, shares, bookmarks, chat, a scanner) answers empty lists, so
 * players that ask at start-up carry on instead of reporting an error. Who is playing what is not shown: listening
 * is private on Veza.
 */
@RestController
@Hidden
class EmptyListsController {

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;

    EmptyListsController(SubsonicAuthenticator auth, SubsonicWriter writer) {
        this.auth = auth;
        this.writer = writer;
    }

    @SubsonicEndpoint({"/rest/getNowPlaying", "/rest/getNowPlaying.view"})
    ResponseEntity<String> nowPlaying(HttpServletRequest http) {
        return empty(http, "nowPlaying");
    }

    @SubsonicEndpoint({"/rest/getPodcasts", "/rest/getPodcasts.view"})
    ResponseEntity<String> podcasts(HttpServletRequest http) {
        return empty(http, "podcasts");
    }

    @SubsonicEndpoint({"/rest/getNewestPodcasts", "/rest/getNewestPodcasts.view"})
    ResponseEntity<String> newestPodcasts(HttpServletRequest http) {
        return empty(http, "newestPodcasts");
    }

    @SubsonicEndpoint({"/rest/getInternetRadioStations", "/rest/getInternetRadioStations.view"})
    ResponseEntity<String> radio(HttpServletRequest http) {
        return empty(http, "internetRadioStations");
    }

    @SubsonicEndpoint({"/rest/getVideos", "/rest/getVideos.view"})
    ResponseEntity<String> videos(HttpServletRequest http) {
        return empty(http, "videos");
    }

    @SubsonicEndpoint({"/rest/getShares", "/rest/getShares.view"})
    ResponseEntity<String> shares(HttpServletRequest http) {
        return empty(http, "shares");
    }

    @SubsonicEndpoint({"/rest/getBookmarks", "/rest/getBookmarks.view"})
    ResponseEntity<String> bookmarks(HttpServletRequest http) {
        return empty(http, "bookmarks");
    }

    @SubsonicEndpoint({"/rest/getChatMessages", "/rest/getChatMessages.view"})
    ResponseEntity<String> chat(HttpServletRequest http) {
        return empty(http, "chatMessages");
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

    private ResponseEntity<String> empty(HttpServletRequest http, String element) {
        SubsonicRequest call = auth.open(http);
        return writer.ok(call.format(), SubsonicNode.of(element));
    }
}
