package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.social.internal.SocialService;
import fr.veza.social.internal.SocialService.FollowState;
import fr.veza.social.internal.SocialService.FollowStats;
import fr.veza.social.internal.SocialService.LikeState;
import fr.veza.social.internal.SocialService.LikedTrack;
import fr.veza.social.internal.SocialService.Person;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Likes, follows and reposts: PUT sets, DELETE clears, both idempotent, both answer the state after. */
@RestController
@Tag(name = "Social")
class SocialController {

    private final SocialService social;
    private final fr.veza.identity.UserDirectory users;

    SocialController(SocialService social, fr.veza.identity.UserDirectory users) {
        this.social = social;
        this.users = users;
    }

    @PutMapping("/api/v1/tracks/{id}/like")
    @Operation(summary = "Like a track", security = @SecurityRequirement(name = "BearerAuth"))
    LikeState like(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return social.like(user, id);
    }

    @DeleteMapping("/api/v1/tracks/{id}/like")
    @Operation(summary = "Take a like back", security = @SecurityRequirement(name = "BearerAuth"))
    LikeState unlike(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return social.unlike(user, id);
    }

    @GetMapping("/api/v1/tracks/{id}/likes")
    @Operation(summary = "How many people like a track, and whether you do")
    LikeState likes(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return social.likes(id, viewer);
    }

    @PutMapping("/api/v1/tracks/{id}/repost")
    @Operation(
            summary = "Repost a public track to your followers' feeds",
            security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Boolean> repost(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        social.repost(user, id);
        return Map.of("reposted", true);
    }

    @DeleteMapping("/api/v1/tracks/{id}/repost")
    @Operation(summary = "Take a repost back", security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Boolean> unrepost(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        social.unrepost(user, id);
        return Map.of("reposted", false);
    }

    @PutMapping("/api/v1/users/{id}/follow")
    @Operation(summary = "Follow someone", security = @SecurityRequirement(name = "BearerAuth"))
    FollowState follow(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return social.follow(user, id);
    }

    @DeleteMapping("/api/v1/users/{id}/follow")
    @Operation(summary = "Unfollow someone", security = @SecurityRequirement(name = "BearerAuth"))
    FollowState unfollow(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return social.unfollow(user, id);
    }

    @PutMapping("/api/v1/users/{id}/block")
    @Operation(
            summary = "Block someone",
            description = "Their follow of you ends; they can no longer follow you, comment on your tracks, open a"
                    + " direct chat with you, and their messages in groups you share are hidden from you.",
            security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Boolean> block(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        social.block(user, id);
        return Map.of("blocked", true);
    }

    @DeleteMapping("/api/v1/users/{id}/block")
    @Operation(summary = "Unblock someone", security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Boolean> unblock(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        social.unblock(user, id);
        return Map.of("blocked", false);
    }

    record BlockedPerson(UUID id, String username, String displayName, java.time.Instant blockedAt) {}

    @GetMapping("/api/v1/me/blocks")
    @Operation(
            summary = "The people I blocked, most recent first",
            security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, java.util.List<BlockedPerson>> blocks(@AuthenticationPrincipal CurrentUser user) {
        var blocked = social.blocked(user);
        var people = users.findAll(blocked.stream().map(b -> b.userId()).toList());
        return Map.of(
                "items",
                blocked.stream()
                        .map(b -> {
                            var person = people.get(b.userId());
                            return new BlockedPerson(
                                    b.userId(),
                                    person == null ? null : person.username(),
                                    person == null ? null : person.displayName(),
                                    b.at());
                        })
                        .toList());
    }

    @GetMapping("/api/v1/me/likes")
    @Operation(
            summary = "The tracks I liked, most recent like first (tracks I may no longer see are left out)",
            security = @SecurityRequirement(name = "BearerAuth"))
    CursorPage<LikedTrack> liked(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return social.liked(user, Cursor.decode(cursor), limit);
    }

    @GetMapping("/api/v1/users/{id}/follows")
    @Operation(summary = "Follower and following counts, and whether you follow this person")
    FollowStats stats(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return social.followStats(id, viewer);
    }

    @GetMapping("/api/v1/users/{id}/followers")
    @Operation(summary = "Who follows this person, newest first")
    CursorPage<Person> followers(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return social.follows(id, true, Cursor.decode(cursor), limit);
    }

    @GetMapping("/api/v1/users/{id}/following")
    @Operation(summary = "Whom this person follows, newest first")
    CursorPage<Person> following(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return social.follows(id, false, Cursor.decode(cursor), limit);
    }
}
