package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.ProfileImageService;
import fr.veza.identity.internal.ProfileImageService.Kind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A person's avatar and banner: uploaded by them, re-drawn by Veza, public to anyone who sees the profile. */
@RestController
@Tag(name = "Accounts")
class ProfileImageController {

    private final ProfileImageService images;

    ProfileImageController(ProfileImageService images) {
        this.images = images;
    }

    @PutMapping(value = "/api/v1/me/{kind:avatar|banner}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Set my avatar (square, 512 px) or banner (3:1, 1500 px): a JPEG or PNG up to 10 MB, re-drawn"
                    + " as a JPEG without its metadata",
            security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, String> replace(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String kind,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        Kind which = Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        if (file.getSize() > ProfileImageService.MAX_BYTES) {
            throw ProfileImageService.tooLarge(); // before the bytes are read into memory
        }
        return Map.of(field(which), images.replace(user, which, file.getBytes()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/v1/me/{kind:avatar|banner}")
    @Operation(summary = "Remove my avatar or banner", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind) {
        images.remove(user, Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/users/{id}/images/{name}")
    @Operation(
            summary = "A profile image; its address changes with the image, so it is cached for a year",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The image",
                            content =
                                    @Content(
                                            mediaType = "image/jpeg",
                                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<Resource> image(@PathVariable UUID id, @PathVariable String name) throws IOException {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(new InputStreamResource(images.open(id, name)));
    }

    private static String field(Kind kind) {
        return kind == Kind.AVATAR ? "avatar_url" : "banner_url";
    }
}
