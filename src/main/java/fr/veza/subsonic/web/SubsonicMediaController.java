package fr.veza.subsonic.web;

import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PlayerMedia;
import fr.veza.identity.Avatars;
import fr.veza.identity.UserDirectory;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicError;
import fr.veza.subsonic.internal.SubsonicIds;
import fr.veza.subsonic.internal.SubsonicIds.Kind;
import fr.veza.subsonic.internal.SubsonicRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Media: {@code stream} and {@code download} as one seekable file each (Range, Content-Length), never a playlist;
 * covers and avatars. A refusal is still a Subsonic answer in XML or JSON, never a bare error status.
 */
@RestController
@Hidden
class SubsonicMediaController {

    private final SubsonicAuthenticator auth;
    private final PlayerMedia media;
    private final PlayerLibrary library;
    private final UserDirectory users;
    private final Avatars avatars;

    SubsonicMediaController(
            SubsonicAuthenticator auth,
            PlayerMedia media,
            PlayerLibrary library,
            UserDirectory users,
            Avatars avatars) {
        this.auth = auth;
        this.media = media;
        this.library = library;
        this.users = users;
        this.avatars = avatars;
    }

    /**
     * A lossless upload streams losslessly (FLAC in one fragmented MP4) with no {@code maxBitRate} or 0,
     * {@code format=flac} or {@code format=raw}; otherwise {@code maxBitRate} 0 or at least 256 gets the 256 kb/s
     * rendition, 128 or less the 128 kb/s one; {@code format=raw} the original when the caller may have it (owner,
     * buyer), else the best rendition. Streaming
     * is not a play: players report those with {@code scrobble}.
     */
    @RequestMapping(
            value = {"/rest/stream", "/rest/stream.view"},
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.HEAD})
    ResponseEntity<Resource> stream(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String id = call.required("id");
        int maxKbps = call.integer("maxBitRate", 0, 0, 100_000);
        String format = call.text("format").orElse("");
        boolean raw = format.equalsIgnoreCase("raw");
        boolean lossless = raw || format.equalsIgnoreCase("flac") || (maxKbps == 0 && format.isEmpty());
        return file(
                media.stream(SubsonicIds.parse(id, Kind.SONG), maxKbps, raw, lossless, call.viewer())
                        .orElseThrow(() -> SubsonicIds.notFound(id)),
                false);
    }

    @RequestMapping(
            value = {"/rest/download", "/rest/download.view"},
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.HEAD})
    ResponseEntity<Resource> download(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String id = call.required("id");
        return file(
                media.download(SubsonicIds.parse(id, Kind.SONG), call.viewer())
                        .orElseThrow(() -> SubsonicIds.notFound(id)),
                true);
    }

    /** Covers of songs and albums (the album's is one of its songs'), and artists' avatars. */
    @SubsonicEndpoint({"/rest/getCoverArt", "/rest/getCoverArt.view"})
    ResponseEntity<Resource> coverArt(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String id = call.required("id");
        int size = call.integer("size", 1024, 1, 10_000);
        return switch (SubsonicIds.kindOf(id)) {
            case ARTIST -> avatar(SubsonicIds.parse(id, Kind.ARTIST), id);
            case ALBUM -> {
                UUID cover = library.album(SubsonicIds.parse(id, Kind.ALBUM), call.viewer())
                        .map(PlayerLibrary.Album::coverTrackId)
                        .orElseThrow(() -> noCover(id));
                yield file(media.cover(cover, size, call.viewer()).orElseThrow(() -> noCover(id)), false);
            }
            default ->
                file(
                        media.cover(SubsonicIds.parse(id, Kind.SONG), size, call.viewer())
                                .orElseThrow(() -> noCover(id)),
                        false);
        };
    }

    @SubsonicEndpoint({"/rest/getAvatar", "/rest/getAvatar.view"})
    ResponseEntity<Resource> avatar(HttpServletRequest http) {
        SubsonicRequest call = auth.open(http);
        String username = call.required("username");
        UUID user = users.findProfile(username)
                .map(UserDirectory.Profile::id)
                .orElseThrow(() -> new SubsonicError(SubsonicError.NOT_FOUND, "No such user."));
        return avatar(user, username);
    }

    private ResponseEntity<Resource> avatar(UUID userId, String asked) {
        byte[] image = avatars.avatar(userId).orElseThrow(() -> noCover(asked));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .contentLength(image.length)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(new ByteArrayResource(image));
    }

    private static ResponseEntity<Resource> file(PlayerMedia.File file, boolean attachment) {
        // Content-Length and Range (206) come from the resource, which knows its length and seeks without reading
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .eTag(file.etag())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
        if (attachment) {
            answer.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
                            .build()
                            .toString());
        }
        return answer.body(file.body());
    }

    private static SubsonicError noCover(String id) {
        return new SubsonicError(SubsonicError.NOT_FOUND, "No image for " + SubsonicError.clip(id) + ".");
    }
}
