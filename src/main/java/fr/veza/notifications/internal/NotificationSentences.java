package fr.veza.notifications.internal;

import fr.veza.identity.UserDirectory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Notifications in words, as the notifications page says them, for mails. */
@Component
class NotificationSentences {

    private final UserDirectory users;
    private final MessageSource messages;

    NotificationSentences(UserDirectory users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    List<String> of(List<Notification> notifications, Locale locale) {
        Map<UUID, UserDirectory.UserSummary> actors = users.findAll(notifications.stream()
                .map(Notification::actorId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        String someone = messages.getMessage("notifications.someone", null, locale);
        return notifications.stream()
                .map(notification -> messages.getMessage(
                        "notifications.type." + notification.type(),
                        new Object[] {
                            actors.containsKey(notification.actorId())
                                    ? actors.get(notification.actorId()).name()
                                    : someone,
                            text(notification, "track_title"),
                            text(notification, "excerpt"),
                            text(notification, "name")
                        },
                        locale))
                .toList();
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    private static String text(Notification notification, String field) {
        var value = notification.payload().get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
