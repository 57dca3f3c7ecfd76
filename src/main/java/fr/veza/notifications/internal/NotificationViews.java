package fr.veza.notifications.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Notifications as the API shows them, in pages and in live frames alike: with who did it, by name. */
@Component
public class NotificationViews {

    private final UserDirectory users;

    NotificationViews(UserDirectory users) {
        this.users = users;
    }

    public record NotificationView(
            UUID id, String type, Actor actor, JsonNode payload, boolean read, Instant createdAt) {}

    public record Actor(UUID id, String username, String displayName) {}

    public List<NotificationView> of(List<Notification> notifications) {
        Map<UUID, UserSummary> actors = users.findAll(notifications.stream()
                .map(Notification::actorId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return notifications.stream()
                .map(n -> new NotificationView(
                        n.id(),
                        n.type(),
                        n.actorId() == null ? null : actor(actors.get(n.actorId())),
                        n.payload(),
                        n.read(),
                        n.createdAt()))
                .toList();
    }

    private static Actor actor(UserSummary user) {
        return user == null ? null : new Actor(user.id(), user.username(), user.displayName());
    }
}
