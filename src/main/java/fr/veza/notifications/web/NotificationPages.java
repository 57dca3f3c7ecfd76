package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.notifications.internal.Notification;
import fr.veza.notifications.internal.NotificationService;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A person's notifications as a page: newest first, unread ones marked, read one by one or all at once. */
@Page
class NotificationPages {

    private static final int SHOWN = 50;

    private final NotificationService notifications;
    private final UserDirectory users;

    NotificationPages(NotificationService notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<Notification> page = notifications.page(viewer, false, null, SHOWN);
        Map<UUID, UserDirectory.UserSummary> actors = users.findAll(page.stream()
                .map(Notification::actorId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        model.addAttribute(
                "notifications",
                page.stream()
                        .map(notification -> new Line(notification, actors.get(notification.actorId())))
                        .toList());
        return "notifications/list";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal CurrentUser viewer) {
        notifications.markRead(viewer, null);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        notifications.markRead(viewer, List.of(id));
        return "redirect:/notifications";
    }

    /** A notification with the person it is about, and the words and link the page shows for it. */
    record Line(Notification notification, UserDirectory.UserSummary actor) {

        public String actorName() {
            return actor == null ? null : actor.name();
        }

        public String text(String field) {
            var value = notification.payload() == null
                    ? null
                    : notification.payload().get(field);
            return value == null || value.isNull() ? "" : value.asText();
        }

        /** Where the notification leads: the track it is about, or the person. */
        public String href() {
            String track = text("track_id");
            if (!track.isEmpty()) {
                return "/tracks/" + track;
            }
            return actor == null ? null : "/@" + actor.username();
        }
    }

    @Bean
    static SignedInPages notificationSignedInPages() {
        return () -> List.of("/notifications", "/notifications/**");
    }
}
