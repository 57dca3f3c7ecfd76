package fr.veza.social.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.platform.moderation.ReportableContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Comments people report, with the track they are on; a hidden comment is its author's alone. */
@Component
class ReportableComments implements ReportableContent {

    /** Moderators see a comment's track whatever its visibility, as admins do. */
    private static final CurrentUser MODERATOR = new CurrentUser(new UUID(0, 0), Role.ADMIN, null);

    private final CommentRepository comments;
    private final TrackCatalog tracks;

    ReportableComments(CommentRepository comments, TrackCatalog tracks) {
        this.comments = comments;
        this.tracks = tracks;
    }

    @Override
    public String type() {
        return "comment";
    }

    @Override
    public Optional<Reported> visibleTo(UUID id, UUID viewerId) {
        CurrentUser viewer = new CurrentUser(viewerId, Role.LISTENER, null);
        return comments.find(id)
                .filter(comment -> !comment.hidden() || comment.authorId().equals(viewerId))
                .flatMap(comment ->
                        tracks.findVisible(comment.trackId(), viewer).map(track -> reported(comment, track)));
    }

    @Override
    public Optional<Reported> forModerators(UUID id) {
        return comments.find(id)
                .map(comment -> reported(
                        comment,
                        tracks.findVisible(comment.trackId(), MODERATOR).orElse(null)));
    }

    private static Reported reported(Comment comment, TrackSummary track) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("track_id", comment.trackId());
        context.put("track_title", track == null ? null : track.title());
        context.put("created_at", comment.createdAt().toString());
        String body = comment.body();
        return new Reported(comment.authorId(), Reported.labelOf(body), body, comment.hidden(), context);
    }

    @Override
    public boolean hide(UUID id) {
        return comments.hide(id);
    }

    @Override
    public boolean restore(UUID id) {
        return comments.restore(id);
    }
}
