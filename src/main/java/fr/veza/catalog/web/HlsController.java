package fr.veza.catalog.web;

import fr.veza.catalog.internal.StreamingService;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.FileResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HLS for any player: the master playlist checks access; what it points to carries signed, expiring URLs. */
@RestController
@RequestMapping("/api/v1/tracks/{id}/hls")
@Tag(name = "Streaming")
class HlsController {

    static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");

    private final StreamingService streaming;

    HlsController(StreamingService streaming) {
        this.streaming = streaming;
    }

    @GetMapping("/master.m3u8")
    @Operation(
            summary = "The master playlist: public tracks without login, private ones for their owner",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The playlist",
                            content =
                                    @Content(
                                            mediaType = "application/vnd.apple.mpegurl",
                                            schema = @Schema(type = "string"))))
    ResponseEntity<String> master(
            @PathVariable UUID id,
            @Parameter(description = "false leaves the lossless rendition out (a player choosing AAC)")
                    @RequestParam(defaultValue = "true")
                    boolean lossless,
            @AuthenticationPrincipal CurrentUser viewer) {
        return ResponseEntity.ok()
                .contentType(M3U8)
                .cacheControl(CacheControl.noStore())
                .body(streaming.master(id, lossless, viewer));
    }

    @GetMapping("/{rendition:[a-z0-9]+}/index.m3u8")
    @Operation(
            summary = "A rendition's playlist (signed URL from the master)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The playlist",
                            content =
                                    @Content(
                                            mediaType = "application/vnd.apple.mpegurl",
                                            schema = @Schema(type = "string"))))
    ResponseEntity<String> variant(
            @PathVariable UUID id,
            @PathVariable String rendition,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig) {
        return ResponseEntity.ok()
                .contentType(M3U8)
                .cacheControl(CacheControl.noStore())
                .body(streaming.variant(id, rendition, exp, sig));
    }

    @GetMapping("/{rendition:[a-z0-9]+}/{seq:[0-9]+}.ts")
    @Operation(
            summary = "A segment (signed URL from a rendition playlist), with Range support",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The segment",
                        content =
                                @Content(
                                        mediaType = "video/mp2t",
                                        schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(
                        responseCode = "206",
                        description = "The requested range of it",
                        content =
                                @Content(
                                        mediaType = "video/mp2t",
                                        schema = @Schema(type = "string", format = "binary")))
            })
    ResponseEntity<Resource> segment(
            @PathVariable UUID id,
            @PathVariable String rendition,
            @PathVariable int seq,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        return serve(streaming.segment(id, rendition, seq, "ts", exp, sig), request, response);
    }

    @GetMapping("/{rendition:[a-z0-9]+}/{seq:[0-9]+}.m4s")
    @Operation(
            summary = "A segment of the lossless rendition, FLAC in fragmented MP4 (signed URL), with Range support",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The segment",
                        content =
                                @Content(
                                        mediaType = "audio/mp4",
                                        schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(
                        responseCode = "206",
                        description = "The requested range of it",
                        content =
                                @Content(mediaType = "audio/mp4", schema = @Schema(type = "string", format = "binary")))
            })
    ResponseEntity<Resource> fragment(
            @PathVariable UUID id,
            @PathVariable String rendition,
            @PathVariable int seq,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        return serve(streaming.segment(id, rendition, seq, "m4s", exp, sig), request, response);
    }

    @GetMapping("/{rendition:[a-z0-9]+}/init.mp4")
    @Operation(
            summary = "The initialisation segment of the lossless rendition (signed URL from its playlist)",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The initialisation segment",
                        content =
                                @Content(
                                        mediaType = "audio/mp4",
                                        schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(
                        responseCode = "206",
                        description = "The requested range of it",
                        content =
                                @Content(mediaType = "audio/mp4", schema = @Schema(type = "string", format = "binary")))
            })
    ResponseEntity<Resource> init(
            @PathVariable UUID id,
            @PathVariable String rendition,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        return serve(streaming.init(id, rendition, exp, sig), request, response);
    }

    private static ResponseEntity<Resource> serve(
            StreamingService.Media media, HttpServletRequest request, HttpServletResponse response) throws IOException {
        CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(media.maxAgeSeconds()));
        return FileResponses.serve(
                request,
                response,
                media.body(),
                MediaType.parseMediaType(media.contentType()),
                media.etag(),
                media.publicCache() ? cache.cachePublic() : cache.cachePrivate());
    }
}
