package fr.veza.chat.web;

import fr.veza.chat.internal.ChatMember;
import fr.veza.chat.internal.ChatMessage;
import fr.veza.chat.internal.ChatService;
import fr.veza.chat.internal.LinkCard;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Chat as pages: one's rooms with their unread counts, and a room's conversation. Every action is also a plain
 * form (sending works without JavaScript); with it, the page talks over the chat socket at {@code /chat/ws},
 * which the browser opens with its session cookie, so no token ever travels in a URL.
 */
@Page
class ChatPages {

    private static final int HISTORY = 50;

    /** Room addresses are ids, which leaves {@code /chat/ws} to the socket. */
    private static final String UUID_PATTERN = "[0-9a-fA-F-]{36}";

    private final ChatService chat;
    private final UserDirectory users;

    ChatPages(ChatService chat, UserDirectory users) {
        this.chat = chat;
        this.users = users;
    }

    @GetMapping("/chat")
    String rooms(@AuthenticationPrincipal CurrentUser me, Model model) {
        List<ChatService.Room> rooms = chat.rooms(me);
        Map<UUID, UserSummary> people = users.findAll(rooms.stream()
                .flatMap(room -> room.members().stream().map(ChatMember::userId))
                .distinct()
                .toList());
        model.addAttribute(
                "rooms",
                rooms.stream()
                        .map(room -> new RoomLine(
                                room.row().id(),
                                title(room, me, people),
                                room.row().unread(),
                                room.row().lastMessageAt()))
                        .toList());
        return "chat/rooms";
    }

    /** Opens (or finds again) the direct room with a person named by their username. */
    @PostMapping("/chat/direct")
    String direct(@RequestParam(defaultValue = "") String username, @AuthenticationPrincipal CurrentUser me) {
        String name = username.strip().replaceFirst("^@", "");
        UserDirectory.Profile other = users.findProfile(name)
                .orElseThrow(() -> VezaException.invalid("username", "nobody is called " + name));
        return "redirect:/chat/" + chat.direct(me, other.id()).row().id();
    }

    @GetMapping("/chat/{id:" + UUID_PATTERN + "}")
    String room(
            @PathVariable UUID id,
            @RequestParam(required = false) String before,
            @AuthenticationPrincipal CurrentUser me,
            Model model) {
        ChatService.Room room = chat.room(me, id);
        CursorPage<ChatMessage> page = chat.history(me, id, Cursor.decode(before), HISTORY);
        // members, and authors who left the group since
        Map<UUID, UserSummary> people = users.findAll(java.util.stream.Stream.concat(
                        room.members().stream().map(ChatMember::userId),
                        page.items().stream().map(ChatMessage::authorId).filter(java.util.Objects::nonNull))
                .distinct()
                .toList());
        List<ChatMessage> oldestFirst = new ArrayList<>(page.items());
        Collections.reverse(oldestFirst);
        if (before == null && !oldestFirst.isEmpty()) {
            // opening the room reads it, as opening a conversation does in any chat
            chat.read(me, id, oldestFirst.get(oldestFirst.size() - 1).id());
        }
        model.addAttribute("room", room);
        model.addAttribute("roomTitle", title(room, me, people));
        model.addAttribute(
                "members",
                room.members().stream()
                        .map(member -> new Member(member.userId(), name(people.get(member.userId()))))
                        .toList());
        Map<UUID, List<LinkCard>> cards = chat.cards(oldestFirst);
        model.addAttribute(
                "messages",
                oldestFirst.stream()
                        .map(m -> new Line(
                                m,
                                m.authorId() == null ? null : name(people.get(m.authorId())),
                                me.id().equals(m.authorId()),
                                cards.getOrDefault(m.id(), List.of())))
                        .toList());
        model.addAttribute("older", page.nextCursor());
        model.addAttribute("seenBy", seenBy(room, me, oldestFirst, people));
        return "chat/room";
    }

    @PostMapping("/chat/{id:" + UUID_PATTERN + "}/messages")
    String send(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal CurrentUser me) {
        chat.send(me, id, body, null);
        return "redirect:/chat/" + id;
    }

    @PostMapping("/chat/{id:" + UUID_PATTERN + "}/messages/{message}/edit")
    String edit(
            @PathVariable UUID id,
            @PathVariable UUID message,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal CurrentUser me) {
        chat.edit(me, message, body);
        return "redirect:/chat/" + id;
    }

    @PostMapping("/chat/{id:" + UUID_PATTERN + "}/messages/{message}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID message, @AuthenticationPrincipal CurrentUser me) {
        chat.delete(me, message);
        return "redirect:/chat/" + id;
    }

    /** Who else has read the conversation through its last message of the viewer's, for "Seen by". */
    private static List<String> seenBy(
            ChatService.Room room, CurrentUser me, List<ChatMessage> messages, Map<UUID, UserSummary> people) {
        Instant mine = messages.stream()
                .filter(m -> me.id().equals(m.authorId()))
                .map(ChatMessage::createdAt)
                .reduce((first, second) -> second)
                .orElse(null);
        if (mine == null) {
            return List.of();
        }
        return room.members().stream()
                .filter(m -> !m.userId().equals(me.id()))
                .filter(m -> m.readThrough() != null && !m.readThrough().isBefore(mine))
                .map(m -> name(people.get(m.userId())))
                .toList();
    }

    private static String title(ChatService.Room room, CurrentUser me, Map<UUID, UserSummary> people) {
        if (room.row().name() != null && !"direct".equals(room.row().kind())) {
            return room.row().name();
        }
        return room.members().stream()
                .filter(m -> !m.userId().equals(me.id()))
                .map(m -> name(people.get(m.userId())))
                .findFirst()
                .orElse("");
    }

    private static String name(UserSummary user) {
        return user == null ? null : user.name();
    }

    record RoomLine(UUID id, String title, long unread, Instant lastMessageAt) {}

    record Member(UUID id, String name) {}

    record Line(ChatMessage message, String author, boolean mine, List<LinkCard> cards) {}

    @Bean
    static SignedInPages chatSignedInPages() {
        return () -> List.of("/chat", "/chat/**");
    }
}
