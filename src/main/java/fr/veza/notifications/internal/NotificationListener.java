package fr.veza.notifications.internal;

import fr.veza.social.TrackCommented;
import fr.veza.social.TrackLiked;
import fr.veza.social.UserFollowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns social events into notifications once their transaction committed. Nobody is notified of their own
 * doing. Each notification is keyed by its source (one per follower, one per liker and track, one per comment), so
 * a redelivered event, or liking and unliking over and over, notifies once.
 */
@Component
class NotificationListener {

    private final NotificationRepository notifications;

    NotificationListener(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(UserFollowed event) {
        notifications.insert(
                event.followingId(), event.followerId(), "new_follower", Map.of(), "follow:" + event.followerId());
    }

    @ApplicationModuleListener
    void on(TrackLiked event) {
        if (event.userId().equals(event.trackOwnerId())) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("track_id", event.trackId());
        payload.put("track_title", event.trackTitle());
        notifications.insert(
                event.trackOwnerId(),
                event.userId(),
                "track_liked",
                payload,
                "like:" + event.userId() + ":" + event.trackId());
    }

    @ApplicationModuleListener
    void on(TrackCommented event) {
        if (event.authorId().equals(event.trackOwnerId())) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("track_id", event.trackId());
        payload.put("track_title", event.trackTitle());
        payload.put("comment_id", event.commentId());
        payload.put("excerpt", event.excerpt());
        notifications.insert(
                event.trackOwnerId(), event.authorId(), "track_commented", payload, "comment:" + event.commentId());
    }
}
