package fr.veza.notifications.internal;

import fr.veza.chat.LiveFrames;
import fr.veza.platform.db.AfterCommit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells a person something: the notification is stored (once per source), and once that commits it reaches the
 * sockets they have open, with their unread count, and the devices they asked to be notified on. Mail follows from
 * the stored row, by the mail worker.
 */
@Component
class Notifier {

    private final NotificationRepository notifications;
    private final NotificationViews views;
    private final LiveFrames live;
    private final NotificationPush push;

    Notifier(NotificationRepository notifications, NotificationViews views, LiveFrames live, NotificationPush push) {
        this.notifications = notifications;
        this.views = views;
        this.live = live;
        this.push = push;
    }

    Optional<Notification> notify(UUID userId, UUID actorId, String type, Map<String, Object> payload, String source) {
        return notify(userId, actorId, type, payload, source, true);
    }

    /** @param mailed false when the matter already reached the person by a mail of its own */
    Optional<Notification> notify(
            UUID userId, UUID actorId, String type, Map<String, Object> payload, String source, boolean mailed) {
        Optional<Notification> created = notifications.insert(userId, actorId, type, payload, source, mailed);
        created.ifPresent(notification -> {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("notification", views.of(List.of(notification)).get(0));
            frame.put("unread_count", notifications.unread(userId));
            live.send(List.of(userId), "notification", frame);
            AfterCommit.run(() -> push.push(notification));
        });
        return created;
    }

    /** The person read some: their other tabs and devices show the new count. */
    void countChanged(UUID userId) {
        live.send(List.of(userId), "unread_count", Map.of("unread_count", notifications.unread(userId)));
    }
}
