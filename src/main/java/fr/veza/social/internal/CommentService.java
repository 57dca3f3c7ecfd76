package fr.veza.social.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.social.TrackCommented;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments on tracks. Anyone who may see a track reads its comments and, signed in, adds one; the comment's
 * author, the track's owner and admins may delete it.
 */
@Service
public class CommentService {

    private final CommentRepository comments;
    private final BlockRepository blocks;
    private final TrackCatalog tracks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    CommentService(
            CommentRepository comments,
            BlockRepository blocks,
            TrackCatalog tracks,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.comments = comments;
        this.blocks = blocks;
        this.tracks = tracks;
        this.transactions = transactions;
        this.events = events;
    }

    /** The longest comment, in characters, wherever it is written. */
    public static final int MAX_LENGTH = 2000;

    public Comment post(CurrentUser author, UUID trackId, String body) {
        if (body == null || body.isBlank() || body.length() > MAX_LENGTH) {
            throw fr.veza.platform.errors.VezaException.invalid("body", "must be 1 to " + MAX_LENGTH + " characters");
        }
        TrackSummary track = visibleTrack(trackId, author);
        if (blocks.blocks(track.ownerId(), author.id())) {
            throw fr.veza.platform.errors.VezaException.forbidden("The artist does not take comments from you.");
        }
        return transactions.execute(status -> {
            Comment comment = comments.insert(UUID.randomUUID(), trackId, author.id(), body);
            String excerpt = body.length() > 140 ? body.substring(0, 140) + "…" : body;
            events.publishEvent(new TrackCommented(
                    comment.id(), author.id(), trackId, track.ownerId(), track.title(), excerpt, comment.createdAt()));
            return comment;
        });
    }

    public List<Comment> page(UUID trackId, CurrentUser viewer, Cursor after, int limit) {
        visibleTrack(trackId, viewer);
        return comments.page(trackId, viewer == null ? null : viewer.id(), after, limit);
    }

    public void delete(UUID trackId, UUID commentId, CurrentUser viewer) {
        TrackSummary track = visibleTrack(trackId, viewer);
        Comment comment = comments.find(commentId)
                .filter(found -> found.trackId().equals(trackId))
                .orElseThrow(() -> VezaException.notFound("Comment " + commentId));
        boolean allowed =
                comment.authorId().equals(viewer.id()) || track.ownerId().equals(viewer.id()) || viewer.isAdmin();
        if (!allowed) {
            throw VezaException.forbidden("Only the comment's author, the track's owner or an admin can delete it.");
        }
        comments.delete(commentId);
    }

    private TrackSummary visibleTrack(UUID trackId, CurrentUser viewer) {
        return tracks.findVisible(trackId, viewer).orElseThrow(() -> VezaException.notFound("Track " + trackId));
    }
}
