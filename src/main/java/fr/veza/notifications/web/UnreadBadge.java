package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.notifications.internal.NotificationService;
import fr.veza.platform.web.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count the header shows on every page, for a signed-in person. */
@ControllerAdvice(annotations = Page.class)
class UnreadBadge {

    private final NotificationService notifications;

    UnreadBadge(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unread(@AuthenticationPrincipal CurrentUser viewer) {
        return viewer == null ? null : notifications.unread(viewer);
    }
}
