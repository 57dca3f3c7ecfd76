package fr.veza.subsonic.web;

import fr.veza.catalog.Listens;
import fr.veza.catalog.PlayerLibrary;
import fr.veza.social.Favourites;
import fr.veza.subsonic.internal.AlbumStars;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicIds;
import fr.veza.subsonic.internal.SubsonicIds.Kind;
import fr.veza.subsonic.internal.SubsonicRequest;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stars and scrobbles. A starred song is a like and a starred artist a follow (the same rows, events and
 * notifications as on the web); albums keep stars of their own. A scrobble with {@code submission=true} is a
 * finished listen under the one play rule; {@code submission=false} ("now playing") is acknowledged and not kept.
 */
@RestController
@Hidden
class AnnotationController {

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;
    private final Favourites favourites;
    private final AlbumStars albumStars;
    private final PlayerLibrary library;
    private final Listens listens;

    AnnotationController(
            SubsonicAuthenticator auth,
            SubsonicWriter writer,
            Favourites favourites,
            AlbumStars albumStars,
            PlayerLibrary library,
            Listens listens) {
        this.auth = auth;
        this.writer = writer;
        this.favourites = favourites;
        this.albumStars = albumStars;
        this.library = library;
        this.listens = listens;
    }

    @SubsonicEndpoint({"/rest/star", "/rest/star.view"})
    ResponseEntity<String> star(HttpServletRequest http) {
        return annotate(http, true);
    }

    @SubsonicEndpoint({"/rest/unstar", "/rest/unstar.view"})
    ResponseEntity<String> unstar(HttpServletRequest http) {
        return annotate(http, false);
    }

    /**
     * Every id is checked before anything changes, so a call naming one unknown id changes nothing. Unstarring
     * needs only a well-formed id: one may take back a star on something no longer visible.
     */
    private ResponseEntity<String> annotate(HttpServletRequest http, boolean star) {
        SubsonicRequest call = auth.open(http);
        call.requireWrite();
        List<Runnable> changes = new ArrayList<>();
        for (String id : call.all("id")) {
            switch (SubsonicIds.kindOf(id)) {
                case ALBUM -> changes.add(album(call, id, star));
                case ARTIST -> changes.add(artist(call, id, star));
                default -> changes.add(song(call, id, star));
            }
        }
        call.all("albumId").forEach(id -> changes.add(album(call, id, star)));
        call.all("artistId").forEach(id -> changes.add(artist(call, id, star)));
        if (changes.isEmpty()) {
            call.required("id");
        }
        changes.forEach(Runnable::run);
        return writer.ok(call.format());
    }

    private Runnable song(SubsonicRequest call, String id, boolean star) {
        UUID track = SubsonicIds.parse(id, Kind.SONG);
        if (!star) {
            return () -> favourites.unlike(call.viewer(), track);
        }
        library.song(track, call.viewer()).orElseThrow(() -> SubsonicIds.notFound(id));
        return () -> favourites.like(call.viewer(), track);
    }

    private Runnable album(SubsonicRequest call, String id, boolean star) {
        UUID album = SubsonicIds.parse(id, Kind.ALBUM);
        if (!star) {
            return () -> albumStars.unstar(call.viewer().id(), album);
        }
        library.album(album, call.viewer()).orElseThrow(() -> SubsonicIds.notFound(id));
        return () -> albumStars.star(call.viewer().id(), album);
    }

    private Runnable artist(SubsonicRequest call, String id, boolean star) {
        UUID artist = SubsonicIds.parse(id, Kind.ARTIST);
        if (!star) {
            return () -> favourites.unfollow(call.viewer(), artist);
        }
        library.artist(artist, call.viewer()).orElseThrow(() -> SubsonicIds.notFound(id));
        return () -> favourites.follow(call.viewer(), artist);
    }

    /** Veza has likes, not ratings: a rating is checked and acknowledged, and not kept (the README says so). */
    @SubsonicEndpoint({"/rest/setRating", "/rest/setRating.view"})
    ResponseEntity<String> rating(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        call.requireWrite();
        String id = call.required("id");
        call.required("rating");
        call.integer("rating", 0, 0, 5);
        boolean known = switch (SubsonicIds.kindOf(id)) {
            case ALBUM ->
                library.album(SubsonicIds.parse(id, Kind.ALBUM), call.viewer()).isPresent();
            case ARTIST ->
                library.artist(SubsonicIds.parse(id, Kind.ARTIST), call.viewer())
                        .isPresent();
            default ->
                library.song(SubsonicIds.parse(id, Kind.SONG), call.viewer()).isPresent();
        };
        if (!known) {
            throw SubsonicIds.notFound(id);
        }
        return writer.ok(call.format());
    }

    @SubsonicEndpoint({"/rest/scrobble", "/rest/scrobble.view"})
    ResponseEntity<String> scrobble(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        call.requireWrite();
        call.required("id");
        List<UUID> tracks = new ArrayList<>();
        for (String id : call.all("id")) {
            UUID track = SubsonicIds.parse(id, Kind.SONG);
            library.song(track, call.viewer()).orElseThrow(() -> SubsonicIds.notFound(id));
            tracks.add(track);
        }
        if (call.flag("submission", true)) {
            tracks.forEach(track -> listens.heardInFull(track, call.viewer(), call.clientAddress()));
        }
        return writer.ok(call.format());
    }
}
