package fr.veza.chat.internal;

import fr.veza.chat.ChatMessageSent;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.db.AfterCommit;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.social.Blocks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rooms and messages, always the caller's own: a room someone is not in does not exist for them (404), a message
 * is changed by its author only. Events reach the members' sockets after the change committed, never before.
 */
@Service
public class ChatService {

    static final int MAX_BODY = 4000;
    /** Typing and presence have limits of their own, apart from messages. */
    static final int TYPING_PER_MINUTE = 60;

    static final int PRESENCE_PER_MINUTE = 30;

    private final ChatRepository chats;
    private final ChatRelay relay;
    private final UserDirectory users;
    private final RateLimiter limiter;
    private final ChatSettings settings;
    private final ApplicationEventPublisher events;
    private final Blocks blocks;
    private final ChatPresence presence;
    private final LinkCards links;

    ChatService(
            ChatRepository chats,
            ChatRelay relay,
            UserDirectory users,
            RateLimiter limiter,
            ChatSettings settings,
            ApplicationEventPublisher events,
            Blocks blocks,
            ChatPresence presence,
            LinkCards links) {
        this.links = links;
        this.events = events;
        this.blocks = blocks;
        this.presence = presence;
        this.chats = chats;
        this.relay = relay;
        this.users = users;
        this.limiter = limiter;
        this.settings = settings;
    }

    /** The room of the caller and {@code other}, the same one every time. */
    @Transactional
    public Room direct(CurrentUser me, UUID other) {
        if (me.id().equals(other)) {
            throw VezaException.invalid("user_id", "must be someone else");
        }
        requireAccounts(Set.of(other), "user_id");
        if (blocks.between(me.id(), other)) {
            throw VezaException.forbidden("You cannot chat with this person.");
        }
        return room(me, chats.directRoom(me.id(), other));
    }

    @Transactional
    public Room group(CurrentUser me, String name, List<UUID> others) {
        Set<UUID> members = new LinkedHashSet<>();
        members.add(me.id());
        members.addAll(others);
        if (members.size() < 2) {
            throw VezaException.invalid("member_ids", "must name at least one other person");
        }
        if (members.size() > settings.maxGroupMembers()) {
            throw VezaException.invalid(
                    "member_ids", "a group holds at most " + settings.maxGroupMembers() + " people, you included");
        }
        requireAccounts(members, "member_ids");
        return room(me, chats.groupRoom(me.id(), name, members));
    }

    public List<Room> rooms(CurrentUser me) {
        return chats.roomsOf(me.id()).stream()
                .map(row -> new Room(row, chats.members(row.id())))
                .toList();
    }

    public Room room(CurrentUser me, UUID roomId) {
        ChatRoomRow row = chats.roomOf(me.id(), roomId).orElseThrow(() -> VezaException.notFound("Room " + roomId));
        return new Room(row, chats.members(roomId));
    }

    /**
     * A closed (or suspended) account's messages read as from a former member, without their text, from the moment
     * the account closes; they come back with a recovery, and erasure deletes them.
     */
    public CursorPage<ChatMessage> history(CurrentUser me, UUID roomId, Cursor after, int limit) {
        requireMember(me, roomId);
        CursorPage<ChatMessage> page =
                CursorPage.of(chats.page(roomId, after, limit + 1), limit, m -> new Cursor(m.createdAt(), m.id()));
        Set<UUID> present = users.findAll(
                        page.items().stream().map(ChatMessage::authorId).collect(java.util.stream.Collectors.toSet()))
                .keySet();
        Set<UUID> blocked = blocks.blockedBy(me.id());
        return new CursorPage<>(
                page.items().stream()
                        .filter(m -> !blocked.contains(m.authorId()))
                        .map(m -> present.contains(m.authorId()) ? m.seenBy(me.id()) : m.fromFormerMember())
                        .toList(),
                page.nextCursor());
    }

    @Transactional
    public ChatMessage send(CurrentUser me, UUID roomId, String body, String clientRef) {
        return send(me, roomId, body, clientRef, null);
    }

    /** @param replyTo the message of the same room this one answers, or null */
    @Transactional
    public ChatMessage send(CurrentUser me, UUID roomId, String body, String clientRef, UUID replyTo) {
        String text = requireBody(body);
        ChatRoomRow row = chats.roomOf(me.id(), roomId).orElseThrow(() -> VezaException.notFound("Room " + roomId));
        if (replyTo != null
                && chats.message(replyTo)
                        .filter(m -> m.roomId().equals(roomId) && m.isText())
                        .isEmpty()) {
            throw VezaException.invalid("reply_to", "must be a message of this room");
        }
        allow("chat:send:" + me.id(), settings.messagesPerMinute(), "Too many messages; wait a moment.");
        List<UUID> members =
                chats.members(roomId).stream().map(ChatMember::userId).toList();
        String roomName = row.name();
        boolean direct = "direct".equals(row.kind());
        if (direct && blocks.between(me.id(), other(members, me.id()))) {
            throw VezaException.forbidden("You cannot chat with this person.");
        }
        ChatMessage message = chats.insert(roomId, me.id(), text, "text", replyTo);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("room_id", roomId);
        fields.put("message", views(List.of(message)).get(0));
        if (clientRef != null) {
            fields.put("client_ref", clientRef);
        }
        // a member who blocked the author does not hear them
        Set<UUID> blocking = blocks.blockingAmong(me.id(), members);
        List<UUID> hearing =
                members.stream().filter(id -> !blocking.contains(id)).toList();
        ChatEvent event = new ChatEvent("message", fields);
        AfterCommit.run(() -> relay.publish(hearing, event));
        List<UUID> others = hearing.stream().filter(id -> !id.equals(me.id())).toList();
        events.publishEvent(new ChatMessageSent(
                message.id(),
                roomId,
                roomName,
                me.id(),
                excerpt(text),
                others,
                direct ? List.of() : mentioned(text, others)));
        return message;
    }

    @Transactional
    public ChatMessage edit(CurrentUser me, UUID messageId, String body) {
        String text = requireBody(body);
        ChatMessage message = chats.edit(messageId, me.id(), text).orElseThrow(() -> notYours(me, messageId));
        edited(message);
        return message;
    }

    @Transactional
    public void delete(CurrentUser me, UUID messageId) {
        ChatMessage message = chats.delete(messageId, me.id()).orElseThrow(() -> notYours(me, messageId));
        toMembers(
                message.roomId(),
                new ChatEvent("message_deleted", Map.of("room_id", message.roomId(), "message_id", message.id())));
    }

    /** A read receipt: everything up to this message is read (and so delivered). */
    @Transactional
    public void read(CurrentUser me, UUID roomId, UUID messageId) {
        receipt(me, roomId, messageId, "read");
    }

    /** A delivered receipt: the caller's device received everything up to this message. */
    @Transactional
    public void delivered(CurrentUser me, UUID roomId, UUID messageId) {
        receipt(me, roomId, messageId, "delivered");
    }

    /** Typing is not stored: the other members' sockets are told, and the client shows it for a few seconds. */
    public void typing(CurrentUser me, UUID roomId) {
        requireMember(me, roomId);
        allow("chat:typing:" + me.id(), TYPING_PER_MINUTE, "Typing is sent too often.");
        List<UUID> others = chats.members(roomId).stream()
                .map(ChatMember::userId)
                .filter(id -> !id.equals(me.id()))
                .toList();
        relay.publish(others, new ChatEvent("typing", Map.of("room_id", roomId, "user_id", me.id())));
    }

    /** The person says they are online or away (Veza open in the background); the people they share rooms with hear. */
    public void presence(CurrentUser me, String status) {
        if (!"online".equals(status) && !"away".equals(status)) {
            throw VezaException.invalid("status", "must be online or away");
        }
        allow("chat:presence:" + me.id(), PRESENCE_PER_MINUTE, "Presence is sent too often.");
        presence.say(me.id(), status);
        announce(me.id(), status);
    }

    /**
     * Tells the people who share a room with the person of their presence, unless they hide it; never someone
     * either of them blocked.
     */
    void announce(UUID userId, String status) {
        if (!presence.shows(userId)) {
            return;
        }
        List<UUID> peers = chats.roomPeers(userId);
        Set<UUID> separated = blocks.separatedFrom(userId, peers);
        List<UUID> told = peers.stream().filter(id -> !separated.contains(id)).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user_id", userId);
        fields.put("status", status);
        fields.put("last_seen_at", java.time.Instant.now().toString());
        relay.publish(told, new ChatEvent("presence", fields));
    }

    /** What {@code me} may see of these people's presence: those who show it and share no block with them. */
    public Map<UUID, PresenceView> presenceOf(CurrentUser me, List<UUID> people) {
        Set<UUID> separated = blocks.separatedFrom(me.id(), people);
        return presence.of(people.stream().filter(id -> !separated.contains(id)).toList());
    }

    public boolean showsPresence(CurrentUser me) {
        return presence.shows(me.id());
    }

    public void showPresence(CurrentUser me, boolean show) {
        presence.show(me.id(), show);
    }

    private void allow(String key, int perMinute, String refusal) {
        Allowance allowance = limiter.tryConsume(key, new Limit(perMinute, Duration.ofMinutes(1)));
        if (!allowance.allowed()) {
            throw new RateLimitedException(refusal, allowance.reset());
        }
    }

    private void receipt(CurrentUser me, UUID roomId, UUID messageId, String kind) {
        requireMember(me, roomId);
        ChatMessage message = chats.message(messageId)
                .filter(m -> m.roomId().equals(roomId))
                .orElseThrow(() -> VezaException.notFound("Message " + messageId));
        boolean moved = kind.equals("read")
                ? chats.readThrough(roomId, me.id(), message.createdAt())
                : chats.deliveredThrough(roomId, me.id(), message.createdAt());
        if (moved) {
            toMembers(
                    roomId,
                    new ChatEvent(
                            "receipt",
                            Map.of(
                                    "room_id", roomId,
                                    "user_id", me.id(),
                                    "kind", kind,
                                    "message_id", messageId,
                                    "through", message.createdAt().toString())));
        }
    }

    /** Moderators hid a message: the members' screens drop its text at once; its author still reads it. */
    @Transactional
    public boolean hideByModerators(UUID messageId) {
        return chats.hide(messageId)
                .map(message -> {
                    toMembers(
                            message.roomId(),
                            new ChatEvent(
                                    "message_hidden", Map.of("room_id", message.roomId(), "message_id", message.id())));
                    return true;
                })
                .orElse(false);
    }

    @Transactional
    public boolean restoreByModerators(UUID messageId) {
        return chats.unhide(messageId)
                .map(message -> {
                    edited(message);
                    return true;
                })
                .orElse(false);
    }

    /** The members' screens show the message's new state: edited by its author, or back from moderators. */
    private void edited(ChatMessage message) {
        toMembers(
                message.roomId(),
                new ChatEvent(
                        "message_edited",
                        Map.of(
                                "room_id",
                                message.roomId(),
                                "message",
                                views(List.of(message)).get(0))));
    }

    private void toMembers(UUID roomId, ChatEvent event) {
        List<UUID> members =
                chats.members(roomId).stream().map(ChatMember::userId).toList();
        AfterCommit.run(() -> relay.publish(members, event));
    }

    private static final java.util.regex.Pattern MENTION =
            java.util.regex.Pattern.compile("(?<![\\w@])@([A-Za-z0-9_.-]{2,50})");

    /** The members a text names as {@code @username} (case does not matter). */
    private List<UUID> mentioned(String text, List<UUID> members) {
        Set<String> names = new java.util.HashSet<>();
        java.util.regex.Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (names.isEmpty()) {
            return List.of();
        }
        return users.findAll(members).values().stream()
                .filter(user -> names.contains(user.username().toLowerCase(java.util.Locale.ROOT)))
                .map(UserDirectory.UserSummary::id)
                .toList();
    }

    private static UUID other(List<UUID> members, UUID me) {
        return members.stream().filter(id -> !id.equals(me)).findFirst().orElse(me);
    }

    private static String excerpt(String text) {
        return text.length() <= 140 ? text : text.substring(0, 139) + "\u2026";
    }

    private void requireMember(CurrentUser me, UUID roomId) {
        if (!chats.isMember(roomId, me.id())) {
            throw VezaException.notFound("Room " + roomId);
        }
    }

    private VezaException notYours(CurrentUser me, UUID messageId) {
        boolean visible = chats.message(messageId)
                .filter(m -> m.deletedAt() == null)
                .map(m -> chats.isMember(m.roomId(), me.id()))
                .orElse(false);
        return visible
                ? VezaException.forbidden("Only its author may change a message.")
                : VezaException.notFound("Message " + messageId);
    }

    private void requireAccounts(Set<UUID> ids, String field) {
        Set<UUID> found = users.findAll(ids).keySet();
        List<UUID> missing = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw VezaException.invalid(field, "no such account: " + missing.get(0));
        }
    }

    private static String requireBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw VezaException.invalid("body", "must be 1 to " + MAX_BODY + " characters");
        }
        return text;
    }

    /** Messages as the API shows them, with their reactions and, for a reply, a quote of what it answers. */
    public List<Map<String, Object>> views(List<ChatMessage> messages) {
        Map<UUID, Map<String, List<UUID>>> reactions =
                chats.reactions(messages.stream().map(ChatMessage::id).toList());
        Map<UUID, List<LinkCards.Reference>> linked = links.references(messages);
        Map<UUID, List<LinkCard>> cards = links.cards(linked);
        Map<UUID, ChatMessage> quoted = new java.util.HashMap<>();
        messages.stream()
                .map(ChatMessage::replyTo)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(id -> chats.message(id).ifPresent(m -> quoted.put(id, m)));
        return messages.stream()
                .map(m -> {
                    Map<String, Object> view = view(m);
                    List<Map<String, Object>> counted = new java.util.ArrayList<>();
                    reactions.getOrDefault(m.id(), Map.of()).forEach((emoji, who) -> {
                        Map<String, Object> reaction = new LinkedHashMap<>();
                        reaction.put("emoji", emoji);
                        reaction.put("count", who.size());
                        reaction.put("user_ids", who);
                        counted.add(reaction);
                    });
                    view.put("reactions", counted);
                    view.put(
                            "references",
                            linked.getOrDefault(m.id(), List.of()).stream()
                                    .map(r -> {
                                        Map<String, Object> reference = new LinkedHashMap<>();
                                        reference.put("type", r.type());
                                        reference.put("id", r.id());
                                        return reference;
                                    })
                                    .toList());
                    view.put("cards", cards.getOrDefault(m.id(), List.of()));
                    ChatMessage original = m.replyTo() == null ? null : quoted.get(m.replyTo());
                    if (original != null) {
                        Map<String, Object> quote = new LinkedHashMap<>();
                        quote.put("id", original.id());
                        quote.put("author_id", original.authorId());
                        quote.put(
                                "excerpt",
                                original.deletedAt() == null && !original.hidden() ? excerpt(original.body()) : null);
                        view.put("quote", quote);
                    }
                    return view;
                })
                .toList();
    }

    /** The cards of the tracks and playlists the messages link to, for a page that shows them. */
    public Map<UUID, List<LinkCard>> cards(List<ChatMessage> messages) {
        return links.cards(links.references(messages));
    }

    /** A message's thread: the answers to it, oldest first. */
    public List<ChatMessage> replies(CurrentUser me, UUID messageId) {
        ChatMessage message = visibleMessage(me, messageId);
        Set<UUID> blocked = blocks.blockedBy(me.id());
        return chats.replies(message.id(), 200).stream()
                .filter(m -> !blocked.contains(m.authorId()))
                .map(m -> m.seenBy(me.id()))
                .toList();
    }

    /** One reaction per emoji per person; the members see it live. */
    @Transactional
    public void react(CurrentUser me, UUID messageId, String emoji, boolean add) {
        ChatMessage message = visibleMessage(me, messageId);
        String checked = ChatEmoji.require(emoji);
        boolean changed =
                add ? chats.react(message.id(), me.id(), checked) : chats.unreact(message.id(), me.id(), checked);
        if (changed) {
            List<UUID> who = chats.reactions(List.of(message.id()))
                    .getOrDefault(message.id(), Map.of())
                    .getOrDefault(checked, List.of());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("room_id", message.roomId());
            fields.put("message_id", message.id());
            fields.put("emoji", checked);
            fields.put("user_id", me.id());
            fields.put("added", add);
            fields.put("count", who.size());
            toMembers(message.roomId(), new ChatEvent("reaction", fields));
        }
    }

    /**
     * A group's admin adds someone (or, with {@code admin}, makes a member an admin); the members see who joined as
     * a line of the room and a {@code member_joined} frame.
     */
    @Transactional
    public void addMember(CurrentUser me, UUID roomId, UUID userId, boolean admin) {
        ChatRoomRow room = groupOf(me, roomId);
        chats.lockMembers(roomId);
        requireAdmin(me, roomId);
        requireAccounts(Set.of(userId), "user_id");
        boolean joining = !chats.isMember(roomId, userId);
        if (joining && chats.members(roomId).size() >= settings.maxGroupMembers()) {
            throw VezaException.invalid("user_id", "the group is full (" + settings.maxGroupMembers() + " members)");
        }
        if (joining && blocks.between(me.id(), userId)) {
            throw VezaException.forbidden("You cannot add this person.");
        }
        chats.addMember(roomId, userId, admin ? "admin" : "member");
        if (joining) {
            systemLine(room.id(), userId, "member_joined", me.id());
        }
    }

    /**
     * Someone leaves (their own id) or a group's admin removes them: they lose the room at once (no more frames, no
     * history); the last admin leaving hands the role to the longest-standing member.
     */
    @Transactional
    public void removeMember(CurrentUser me, UUID roomId, UUID userId) {
        ChatRoomRow room = groupOf(me, roomId);
        chats.lockMembers(roomId);
        boolean leaving = me.id().equals(userId);
        if (!leaving) {
            requireAdmin(me, roomId);
        }
        if (!chats.removeMember(roomId, userId)) {
            throw VezaException.notFound("Member " + userId);
        }
        systemLine(room.id(), userId, "member_left", leaving ? null : me.id());
        // the person who left or was removed hears it too, so their client drops the room
        AfterCommit.run(() -> relay.publish(
                List.of(userId),
                new ChatEvent(
                        "member_left",
                        Map.of("room_id", roomId, "user_id", userId, "by", leaving ? userId : me.id()))));
        chats.handAdminOn(roomId);
    }

    private void systemLine(UUID roomId, UUID subject, String kind, UUID by) {
        ChatMessage line = chats.insert(roomId, subject, by == null ? "" : by.toString(), kind, null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("room_id", roomId);
        fields.put("user_id", subject);
        fields.put("by", by == null ? subject : by);
        fields.put("message", view(line));
        toMembers(roomId, new ChatEvent(kind, fields));
    }

    private ChatRoomRow groupOf(CurrentUser me, UUID roomId) {
        ChatRoomRow room = chats.roomOf(me.id(), roomId).orElseThrow(() -> VezaException.notFound("Room " + roomId));
        if (!"group".equals(room.kind())) {
            throw VezaException.invalid("room_id", "a direct room has its two people and no others");
        }
        return room;
    }

    private void requireAdmin(CurrentUser me, UUID roomId) {
        chats.handAdminOn(roomId);
        boolean admin = chats.members(roomId).stream()
                .anyMatch(member -> member.userId().equals(me.id()) && member.admin());
        if (!admin) {
            throw VezaException.forbidden("Only the group's admins add and remove members.");
        }
    }

    private ChatMessage visibleMessage(CurrentUser me, UUID messageId) {
        return chats.message(messageId)
                .filter(m -> chats.isMember(m.roomId(), me.id()))
                .orElseThrow(() -> VezaException.notFound("Message " + messageId));
    }

    public static Map<String, Object> view(ChatMessage m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("room_id", m.roomId());
        view.put("author_id", m.authorId());
        view.put("body", m.deletedAt() == null ? m.body() : null);
        view.put("created_at", m.createdAt().toString());
        view.put("edited_at", m.editedAt() == null ? null : m.editedAt().toString());
        view.put("deleted_at", m.deletedAt() == null ? null : m.deletedAt().toString());
        view.put("kind", m.kind());
        view.put("reply_to", m.replyTo());
        view.put("hidden", m.hidden());
        return view;
    }

    /** A room as its member sees it: who is in it, how far each has received and read, and what they have not. */
    public record Room(ChatRoomRow row, List<ChatMember> members) {}
}
