package fr.veza.notifications.web;

import fr.veza.identity.CurrentUser;
import fr.veza.notifications.internal.Notification;
import fr.veza.notifications.internal.NotificationService;
import fr.veza.notifications.internal.NotificationViews;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationService notifications;
    private final NotificationViews views;

    NotificationController(NotificationService notifications, NotificationViews views) {
        this.notifications = notifications;
        this.views = views;
    }

    /** Which notifications to mark read; without {@code ids}, all of them. */
    record MarkRead(@Size(max = 500) List<@NotNull UUID> ids) {}

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Your notifications, newest first", security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Object> list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "unread_only", defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        CursorPage<Notification> page = CursorPage.of(
                notifications.page(user, unreadOnly, Cursor.decode(cursor), limit + 1),
                limit,
                notification -> new Cursor(notification.createdAt(), notification.id()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", views.of(page.items()));
        body.put("unread_count", notifications.unread(user));
        body.put("next_cursor", page.nextCursor());
        return body;
    }

    @GetMapping("/api/v1/notifications/unread-count")
    @Operation(
            summary = "How many notifications you have not read",
            security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Long> unread(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("unread_count", notifications.unread(user));
    }

    @PostMapping("/api/v1/notifications/read")
    @Operation(
            summary = "Mark notifications read: the given ids, or all",
            security = @SecurityRequirement(name = "BearerAuth"))
    Map<String, Long> markRead(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody(required = false) MarkRead body) {
        notifications.markRead(user, body == null ? null : body.ids());
        return Map.of("unread_count", notifications.unread(user));
    }
}
