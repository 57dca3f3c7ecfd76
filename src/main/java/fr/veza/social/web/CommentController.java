package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.social.internal.Comment;
import fr.veza.social.internal.CommentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Social")
class CommentController {

    private final CommentService comments;
    private final UserDirectory users;

    CommentController(CommentService comments, UserDirectory users) {
        this.comments = comments;
        this.users = users;
    }

    record NewComment(
            @NotBlank @Size(max = CommentService.MAX_LENGTH) String body) {}

    /** @param hidden hidden by moderators: only its author is shown it */
    record CommentView(UUID id, UUID trackId, Author author, String body, Instant createdAt, boolean hidden) {
        static CommentView of(Comment comment, UserSummary author) {
            return new CommentView(
                    comment.id(),
                    comment.trackId(),
                    author == null
                            ? new Author(null, null, "Deleted user")
                            : new Author(author.id(), author.username(), author.displayName()),
                    comment.body(),
                    comment.createdAt(),
                    comment.hidden());
        }
    }

    record Author(UUID id, String username, String displayName) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/tracks/{id}/comments")
    @Operation(summary = "Comment on a track", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<CommentView> post(
            @PathVariable UUID id, @AuthenticationPrincipal CurrentUser author, @Valid @RequestBody NewComment body) {
        Comment comment = comments.post(author, id, body.body().strip());
        return ResponseEntity.created(URI.create("/api/v1/tracks/" + id + "/comments/" + comment.id()))
                .body(CommentView.of(comment, users.find(author.id()).orElse(null)));
    }

    @GetMapping("/api/v1/tracks/{id}/comments")
    @Operation(summary = "A track's comments, newest first")
    CursorPage<CommentView> list(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        CursorPage<Comment> page = CursorPage.of(
                comments.page(id, viewer, Cursor.decode(cursor), limit + 1),
                limit,
                comment -> new Cursor(comment.createdAt(), comment.id()));
        Map<UUID, UserSummary> authors = users.findAll(
                page.items().stream().map(Comment::authorId).distinct().toList());
        return page.map(comment -> CommentView.of(comment, authors.get(comment.authorId())));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/v1/tracks/{id}/comments/{commentId}")
    @Operation(
            summary = "Delete a comment (its author, the track's owner or an admin)",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Void> delete(
            @PathVariable UUID id, @PathVariable UUID commentId, @AuthenticationPrincipal CurrentUser viewer) {
        comments.delete(id, commentId, viewer);
        return ResponseEntity.noContent().build();
    }
}
