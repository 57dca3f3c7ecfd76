package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import fr.veza.social.internal.Comment;
import fr.veza.social.internal.CommentService;
import fr.veza.social.internal.SocialService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Likes, reposts and comments on a track's page. The track page (the catalog's) shows the counts from the track's
 * view and loads its comments from here, so that each capability renders its own part; acting on it posts a form
 * and shows the track page again.
 */
@Page
class TrackSocialPages {

    private static final int COMMENTS_SHOWN = 50;

    private final SocialService social;
    private final CommentService comments;
    private final UserDirectory users;

    TrackSocialPages(SocialService social, CommentService comments, UserDirectory users) {
        this.social = social;
        this.comments = comments;
        this.users = users;
    }

    @GetMapping("/tracks/{id}/social")
    String part(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<Comment> page = comments.page(id, viewer, null, COMMENTS_SHOWN);
        Map<UUID, UserDirectory.UserSummary> authors =
                users.findAll(page.stream().map(Comment::authorId).distinct().toList());
        model.addAttribute("trackId", id);
        model.addAttribute(
                "comments",
                page.stream()
                        .map(comment -> new CommentLine(
                                comment.id(),
                                authors.get(comment.authorId()),
                                comment.body(),
                                comment.createdAt(),
                                viewer != null && viewer.id().equals(comment.authorId()),
                                comment.hidden()))
                        .toList());
        return "social/track-social";
    }

    @PostMapping("/tracks/{id}/like")
    String like(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean like,
            @AuthenticationPrincipal CurrentUser viewer) {
        if (like) {
            social.like(viewer, id);
        } else {
            social.unlike(viewer, id);
        }
        return "redirect:/tracks/" + id;
    }

    @PostMapping("/tracks/{id}/repost")
    String repost(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean repost,
            @AuthenticationPrincipal CurrentUser viewer) {
        if (repost) {
            social.repost(viewer, id);
        } else {
            social.unrepost(viewer, id);
        }
        return "redirect:/tracks/" + id;
    }

    @PostMapping("/tracks/{id}/comments")
    String comment(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal CurrentUser viewer) {
        if (!body.isBlank()) {
            comments.post(viewer, id, body.strip());
        }
        return "redirect:/tracks/" + id;
    }

    @PostMapping("/tracks/{id}/comments/{commentId}/delete")
    String deleteComment(
            @PathVariable UUID id, @PathVariable UUID commentId, @AuthenticationPrincipal CurrentUser viewer) {
        comments.delete(id, commentId, viewer);
        return "redirect:/tracks/" + id;
    }

    record CommentLine(
            UUID id,
            UserDirectory.UserSummary author,
            String body,
            java.time.Instant at,
            boolean mine,
            boolean hidden) {

        public String authorName() {
            return author == null ? null : author.name();
        }
    }

    @Bean
    static SignedInPages socialSignedInPages() {
        return () -> List.of(
                "/tracks/*/like", "/tracks/*/repost", "/tracks/*/comments", "/tracks/*/comments/**", "/@*/follow");
    }
}
