package fr.veza.library.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.library.internal.Playlist;
import fr.veza.library.internal.PlaylistService;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Playlists")
class PlaylistController {

    private final PlaylistService playlists;
    private final UserDirectory users;

    PlaylistController(PlaylistService playlists, UserDirectory users) {
        this.playlists = playlists;
        this.users = users;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/playlists")
    @Operation(summary = "Create a playlist", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<PlaylistView> create(
            @AuthenticationPrincipal CurrentUser owner, @Valid @RequestBody PlaylistRequests.Create body) {
        Playlist playlist = playlists.create(owner, body.details());
        return ResponseEntity.created(URI.create("/api/v1/playlists/" + playlist.id()))
                .body(full(playlist, owner));
    }

    @GetMapping("/api/v1/playlists/{id}")
    @Operation(summary = "A playlist with its tracks: public ones for anyone, private ones for their owner")
    PlaylistView get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return full(playlists.get(id, viewer), viewer);
    }

    @PatchMapping("/api/v1/playlists/{id}")
    @Operation(summary = "Change a playlist's details (owner)", security = @SecurityRequirement(name = "BearerAuth"))
    PlaylistView update(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser viewer,
            @Valid @RequestBody PlaylistRequests.Patch patch) {
        return full(playlists.update(id, viewer, patch::applyTo), viewer);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/v1/playlists/{id}")
    @Operation(summary = "Delete a playlist (owner or admin)", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        playlists.delete(id, viewer);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/playlists/{id}/tracks")
    @Operation(
            summary = "Add a track, at a position (0 = first) or at the end (owner)",
            security = @SecurityRequirement(name = "BearerAuth"))
    PlaylistView addTrack(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser viewer,
            @Valid @RequestBody PlaylistRequests.AddTrack body) {
        return full(playlists.addTrack(id, viewer, body.trackId(), body.position()), viewer);
    }

    @DeleteMapping("/api/v1/playlists/{id}/tracks/{trackId}")
    @Operation(summary = "Remove a track (owner)", security = @SecurityRequirement(name = "BearerAuth"))
    PlaylistView removeTrack(
            @PathVariable UUID id, @PathVariable UUID trackId, @AuthenticationPrincipal CurrentUser viewer) {
        return full(playlists.removeTrack(id, viewer, trackId), viewer);
    }

    @PutMapping("/api/v1/playlists/{id}/tracks/order")
    @Operation(
            summary = "Reorder: the playlist's track ids, each once, in the new order (owner)",
            security = @SecurityRequirement(name = "BearerAuth"))
    PlaylistView reorder(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser viewer,
            @Valid @RequestBody PlaylistRequests.Reorder body) {
        return full(playlists.reorder(id, viewer, body.trackIds()), viewer);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/playlists/{id}/duplicate")
    @Operation(
            summary = "Copy a playlist you may see into a playlist of your own, all at once",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<PlaylistView> duplicate(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        Playlist copy = playlists.duplicate(id, viewer);
        return ResponseEntity.created(URI.create("/api/v1/playlists/" + copy.id()))
                .body(full(copy, viewer));
    }

    @GetMapping("/api/v1/users/{userId}/playlists")
    @Operation(summary = "A person's playlists, newest first: public ones, and private ones for the owner")
    CursorPage<PlaylistView> byUser(
            @PathVariable UUID userId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        var owner = users.find(userId).orElse(null);
        CursorPage<Playlist> page = CursorPage.of(
                playlists.byOwner(userId, viewer, Cursor.decode(cursor), limit + 1),
                limit,
                playlist -> new Cursor(playlist.createdAt(), playlist.id()));
        var counts = playlists.visibleTrackCounts(page.items(), viewer);
        return page.map(playlist -> PlaylistView.of(playlist, owner, counts.get(playlist.id())));
    }

    private PlaylistView full(Playlist playlist, CurrentUser viewer) {
        return PlaylistView.of(
                playlist, users.find(playlist.ownerId()).orElse(null), playlists.entries(playlist, viewer));
    }
}
