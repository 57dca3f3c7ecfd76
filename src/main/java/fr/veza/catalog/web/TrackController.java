package fr.veza.catalog.web;

import fr.veza.catalog.internal.PlaybackService;
import fr.veza.catalog.internal.StreamingService;
import fr.veza.catalog.internal.Track;
import fr.veza.catalog.internal.TrackCoverService;
import fr.veza.catalog.internal.TrackService;
import fr.veza.catalog.internal.TrackUploadService;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.platform.web.SignedUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tracks")
@Tag(name = "Catalog")
class TrackController {

    private final TrackUploadService uploads;
    private final TrackService tracks;
    private final PlaybackService plays;
    private final UserDirectory users;
    private final SignedUrls signer;
    private final ClientIpResolver ips;
    private final TrackViews views;

    private final TrackCoverService covers;

    TrackController(
            TrackUploadService uploads,
            TrackService tracks,
            PlaybackService plays,
            UserDirectory users,
            SignedUrls signer,
            ClientIpResolver ips,
            TrackViews views,
            TrackCoverService covers) {
        this.covers = covers;
        this.views = views;
        this.uploads = uploads;
        this.tracks = tracks;
        this.plays = plays;
        this.users = users;
        this.signer = signer;
        this.ips = ips;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a track (artists); answers 202 while it is processed",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<TrackView> upload(
            @AuthenticationPrincipal CurrentUser artist,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestPart(name = "cover", required = false) MultipartFile cover,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String genre,
            @RequestParam(required = false) List<String> tags,
            @RequestParam(required = false) String visibility)
            throws IOException {
        var metadata = TrackRequests.metadata(title, description, genre, tags, visibility);
        Track track = uploads.upload(artist, metadata, file, cover);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(java.net.URI.create("/api/v1/tracks/" + track.id()))
                .body(views.of(track, artist));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A track: public and unlisted ones for anyone, private ones for their owner; with its like,"
                    + " repost and comment counts, the caller's own like and repost, and what is for sale on it")
    TrackView get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return views.detailed(tracks.get(id, viewer), viewer);
    }

    @GetMapping
    @Operation(summary = "Tracks, newest first: a creator's, or the latest public ones")
    CursorPage<TrackView> list(
            @RequestParam(required = false) UUID creator,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        CursorPage<Track> page = tracks.list(creator, viewer, Cursor.decode(cursor), limit);
        Map<UUID, UserDirectory.UserSummary> owners = users.findAll(
                page.items().stream().map(Track::ownerId).distinct().toList());
        return page.map(track -> views.of(track, owners.get(track.ownerId()), viewer));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a track's details (owner)", security = @SecurityRequirement(name = "BearerAuth"))
    TrackView update(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser viewer,
            @Valid @RequestBody TrackRequests.Patch patch) {
        return views.of(tracks.update(id, viewer, patch::applyTo), viewer);
    }

    @PutMapping(path = "/{id}/cover", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Replace a ready track's cover (owner): sniffed, size-capped, redrawn as thumbnails at once",
            security = @SecurityRequirement(name = "BearerAuth"))
    TrackView replaceCover(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser viewer,
            @RequestPart(name = "cover", required = false) MultipartFile cover)
            throws IOException, InterruptedException {
        return views.of(covers.replace(id, viewer, cover), viewer);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a track (owner or admin)", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        tracks.delete(id, viewer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/original")
    @Operation(
            summary = "The uploaded file (owner), with Range support",
            security = @SecurityRequirement(name = "BearerAuth"),
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The file as uploaded",
                        content =
                                @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(
                        responseCode = "206",
                        description = "The requested range of it",
                        content = @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary")))
            })
    ResponseEntity<Resource> original(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return attachment(tracks.original(id, viewer));
    }

    /** The original as a file to save, for the API and for the download link of the pages alike. */
    static ResponseEntity<Resource> attachment(TrackService.Download original) {
        StreamingService.Media media = original.media();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(media.contentType()))
                .eTag(media.etag())
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(original.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(media.body());
    }

    @GetMapping(value = "/{id}/waveform", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Peaks for drawing the track, 0 to 1")
    ResponseEntity<String> waveform(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        String peaks = tracks.waveform(id, viewer).orElse("[]");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body("{\"peaks\":" + peaks + "}");
    }

    @GetMapping("/{id}/cover/{size}")
    @Operation(
            summary = "The cover as a square JPEG of 64, 256 or 1024 pixels",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The cover",
                            content =
                                    @Content(
                                            mediaType = "image/jpeg",
                                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<Resource> cover(
            @PathVariable UUID id,
            @PathVariable int size,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            @AuthenticationPrincipal CurrentUser viewer) {
        StreamingService.Media media =
                tracks.thumbnail(id, size, viewer, signer.verify(TrackViews.coverPath(id, size), exp, sig));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag(media.etag())
                .cacheControl(
                        media.publicCache()
                                ? CacheControl.maxAge(Duration.ofSeconds(media.maxAgeSeconds()))
                                        .cachePublic()
                                : CacheControl.maxAge(Duration.ofSeconds(media.maxAgeSeconds()))
                                        .cachePrivate())
                .body(media.body());
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{id}/plays")
    @Operation(summary = "Report a listen; it counts as a play past the threshold")
    ResponseEntity<Map<String, Boolean>> play(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser listener,
            @Valid @RequestBody TrackRequests.Play body,
            HttpServletRequest request) {
        boolean counted = plays.record(id, listener, ips.resolve(request), body.secondsPlayed());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("counted", counted));
    }
}
