package fr.veza.chat.web;

import fr.veza.chat.internal.ChatService;
import fr.veza.chat.internal.PresenceView;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rooms, history and message changes; live traffic goes through the socket at {@code /api/v1/chat/ws}. */
@RestController
@RequestMapping("/api/v1/chat")
@Validated
@Tag(name = "Chat")
@SecurityRequirement(name = "BearerAuth")
class ChatController {

    private final ChatService chat;
    private final UserDirectory users;

    ChatController(ChatService chat, UserDirectory users) {
        this.chat = chat;
        this.users = users;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/rooms")
    @Operation(summary = "Open a direct room with someone (the same one every time) or create a group room")
    ResponseEntity<RoomView> create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody NewRoom body) {
        ChatService.Room room;
        if ("direct".equals(body.kind())) {
            if (body.userId() == null) {
                throw fr.veza.platform.errors.VezaException.invalid("user_id", "is required for a direct room");
            }
            room = chat.direct(me, body.userId());
        } else if ("group".equals(body.kind())) {
            if (body.name() == null || body.name().isBlank()) {
                throw fr.veza.platform.errors.VezaException.invalid("name", "is required for a group room");
            }
            room = chat.group(me, body.name().strip(), body.memberIds() == null ? List.of() : body.memberIds());
        } else {
            throw fr.veza.platform.errors.VezaException.invalid("kind", "must be direct or group");
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/chat/rooms/" + room.row().id()))
                .body(view(me, room));
    }

    @GetMapping("/rooms")
    @Operation(summary = "My rooms, the most recently active first, with unread counts")
    Map<String, List<RoomView>> rooms(@AuthenticationPrincipal CurrentUser me) {
        return Map.of(
                "items", chat.rooms(me).stream().map(room -> view(me, room)).toList());
    }

    @GetMapping("/rooms/{id}")
    RoomView room(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
        return view(me, chat.room(me, id));
    }

    @GetMapping("/rooms/{id}/messages")
    @Operation(summary = "A room's history, newest first, by cursor")
    CursorPage<Map<String, Object>> history(
            @AuthenticationPrincipal CurrentUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        var page = chat.history(me, id, Cursor.decode(cursor), limit);
        return new CursorPage<>(chat.views(page.items()), page.nextCursor());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/rooms/{id}/messages")
    @Operation(summary = "Send a message (the socket's send frame does the same)")
    ResponseEntity<Map<String, Object>> send(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody NewText body) {
        var message = chat.send(me, id, body.body(), null, body.replyTo());
        return ResponseEntity.created(URI.create("/api/v1/chat/messages/" + message.id()))
                .body(chat.views(List.of(message)).get(0));
    }

    @GetMapping("/messages/{id}/replies")
    @Operation(summary = "A message's thread: the messages that answer it, oldest first")
    Map<String, List<Map<String, Object>>> replies(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
        return Map.of("items", chat.views(chat.replies(me, id)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/messages/{id}/reactions/{emoji}")
    @Operation(summary = "React to a message with an emoji (once per emoji); the members see it live")
    ResponseEntity<Void> react(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable String emoji) {
        chat.react(me, id, emoji, true);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/messages/{id}/reactions/{emoji}")
    @Operation(summary = "Take a reaction back")
    ResponseEntity<Void> unreact(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable String emoji) {
        chat.react(me, id, emoji, false);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/rooms/{id}/members")
    @Operation(
            summary = "Add someone to a group (its admins), or make a member an admin",
            description = "The members see who joined as a line of the room and a member_joined frame.")
    ResponseEntity<Void> addMember(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody NewMember body) {
        chat.addMember(me, id, body.userId(), "admin".equals(body.role()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/rooms/{id}/members/{userId}")
    @Operation(
            summary = "Remove someone from a group (its admins), or leave it (your own id)",
            description = "They lose the room at once; the last admin leaving hands the role on.")
    ResponseEntity<Void> removeMember(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID userId) {
        chat.removeMember(me, id, userId);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/rooms/{id}/read")
    @Operation(summary = "Read receipt: everything up to this message is read")
    ResponseEntity<Void> read(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody Receipt body) {
        chat.read(me, id, body.messageId());
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/messages/{id}")
    @Operation(summary = "Edit my message")
    Map<String, Object> edit(
            @AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody Text body) {
        return ChatService.view(chat.edit(me, id, body.body()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/messages/{id}")
    @Operation(summary = "Delete my message (the history keeps its place, without its text)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
        chat.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    private RoomView view(CurrentUser me, ChatService.Room room) {
        List<UUID> ids = room.members().stream().map(m -> m.userId()).toList();
        Map<UUID, UserSummary> people = users.findAll(ids);
        Map<UUID, PresenceView> presence = chat.presenceOf(me, ids);
        return new RoomView(
                room.row().id(),
                room.row().kind(),
                room.row().name(),
                room.row().createdAt(),
                room.row().lastMessageAt(),
                room.row().unread(),
                room.members().stream()
                        .map(m -> {
                            UserSummary person = people.get(m.userId());
                            return new MemberView(
                                    m.userId(),
                                    person == null ? null : person.username(),
                                    person == null ? null : person.displayName(),
                                    m.deliveredThrough(),
                                    m.readThrough(),
                                    m.admin() ? "admin" : "member",
                                    m.userId().equals(me.id()) ? null : presence.get(m.userId()));
                        })
                        .toList());
    }

    record NewRoom(
            @NotBlank String kind,
            UUID userId,
            @Size(max = 100) String name,
            @Size(max = 999) List<UUID> memberIds) {}

    record Text(@NotNull @Size(max = 4000) String body) {}

    /** @param replyTo the message of the room this one answers */
    record NewText(@NotNull @Size(max = 4000) String body, UUID replyTo) {}

    record NewMember(
            @NotNull UUID userId,

            @jakarta.validation.constraints.Pattern(regexp = "admin|member")
            String role) {}

    record Receipt(@NotNull UUID messageId) {}

    record RoomView(
            UUID id,
            String kind,
            String name,
            Instant createdAt,
            Instant lastMessageAt,
            long unread,
            List<MemberView> members) {}

    /**
     * A member and their receipts (delivered and read up to these message times), their role in a group, and their
     * presence when they show it.
     */
    record MemberView(
            UUID id,
            String username,
            String displayName,
            Instant deliveredThrough,
            Instant readThrough,
            String role,
            PresenceView presence) {}

    record ChatSettingsView(boolean showPresence) {}

    @GetMapping("/settings")
    @Operation(summary = "My chat settings: whether the people I share rooms with see my presence")
    ChatSettingsView settings(@AuthenticationPrincipal CurrentUser me) {
        return new ChatSettingsView(chat.showsPresence(me));
    }

    @PutMapping("/settings")
    @Operation(summary = "Show or hide my presence (online, away, last seen)")
    ChatSettingsView saveSettings(@AuthenticationPrincipal CurrentUser me, @RequestBody ChatSettingsView body) {
        chat.showPresence(me, body.showPresence());
        return new ChatSettingsView(chat.showsPresence(me));
    }
}
