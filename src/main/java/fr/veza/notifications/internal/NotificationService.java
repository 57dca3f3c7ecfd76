package fr.veza.notifications.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Cursor;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** A person's own notifications; every query is scoped to the caller, so no id reaches someone else's. */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final Notifier notifier;

    NotificationService(NotificationRepository notifications, Notifier notifier) {
        this.notifications = notifications;
        this.notifier = notifier;
    }

    public List<Notification> page(CurrentUser user, boolean unreadOnly, Cursor after, int limit) {
        return notifications.page(user.id(), unreadOnly, after, limit);
    }

    public long unread(CurrentUser user) {
        return notifications.unread(user.id());
    }

    public int markRead(CurrentUser user, Collection<java.util.UUID> ids) {
        int read = notifications.markRead(user.id(), ids);
        if (read > 0) {
            notifier.countChanged(user.id());
        }
        return read;
    }
}
