package fr.veza.chat.internal;

import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code chat_rooms}, {@code chat_members} and {@code chat_messages}. */
@Repository
class ChatRepository {

    private static final String MESSAGE_COLUMNS =
            "id, room_id, author_id, body, created_at, edited_at, deleted_at, kind, reply_to, hidden_at";

    private final JdbcClient jdbc;

    ChatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The room for this pair, created with both members if it did not exist; concurrent calls get one room. */
    UUID directRoom(UUID creator, UUID other) {
        String key = creator.compareTo(other) < 0 ? creator + ":" + other : other + ":" + creator;
        UUID id = UUID.randomUUID();
        int created = jdbc.sql("""
                        INSERT INTO chat_rooms (id, kind, direct_key, created_by) VALUES (:id, 'direct', :key, :creator)
                        ON CONFLICT (direct_key) DO NOTHING
                        """)
                .param("id", id)
                .param("key", key)
                .param("creator", creator)
                .update();
        if (created == 1) {
            addMembers(id, List.of(creator, other));
            return id;
        }
        return jdbc.sql("SELECT id FROM chat_rooms WHERE direct_key = :key")
                .param("key", key)
                .query(UUID.class)
                .single();
    }

    UUID groupRoom(UUID creator, String name, Collection<UUID> members) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO chat_rooms (id, kind, name, created_by) VALUES (:id, 'group', :name, :creator)")
                .param("id", id)
                .param("name", name)
                .param("creator", creator)
                .update();
        addMembers(id, members, creator);
        return id;
    }

    private void addMembers(UUID roomId, Collection<UUID> members) {
        addMembers(roomId, members, null);
    }

    /** {@code admin} joins as the room's admin, the others as members. */
    private void addMembers(UUID roomId, Collection<UUID> members, UUID admin) {
        jdbc.sql("""
                        INSERT INTO chat_members (room_id, user_id, role)
                        SELECT :room, u, CASE WHEN u = CAST(:admin AS uuid) THEN 'admin' ELSE 'member' END
                        FROM unnest(CAST(:users AS uuid[])) AS u
                        ON CONFLICT DO NOTHING
                        """)
                .param("room", roomId)
                .param("admin", admin, java.sql.Types.OTHER)
                .param("users", members.toArray(UUID[]::new))
                .update();
    }

    /** Everyone who shares a room with the person. */
    List<UUID> roomPeers(UUID userId) {
        return jdbc.sql("""
                        SELECT DISTINCT other.user_id FROM chat_members me
                        JOIN chat_members other ON other.room_id = me.room_id
                        WHERE me.user_id = :user AND other.user_id <> :user
                        """).param("user", userId).query(UUID.class).list();
    }

    boolean isMember(UUID roomId, UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM chat_members WHERE room_id = :room AND user_id = :user)")
                .param("room", roomId)
                .param("user", userId)
                .query(Boolean.class)
                .single();
    }

    List<ChatMember> members(UUID roomId) {
        return jdbc.sql("""
                        SELECT user_id, delivered_through, read_through, role FROM chat_members
                        WHERE room_id = :room ORDER BY joined_at, user_id
                        """)
                .param("room", roomId)
                .query((rs, n) -> new ChatMember(
                        rs.getObject("user_id", UUID.class),
                        instant(rs.getTimestamp("delivered_through")),
                        instant(rs.getTimestamp("read_through")),
                        "admin".equals(rs.getString("role"))))
                .list();
    }

    /** The person's rooms, the most recently active first, with what they have not read yet. */
    List<ChatRoomRow> roomsOf(UUID userId) {
        return rooms(userId, null).list();
    }

    /** One of the person's rooms; empty when they are not in it. */
    Optional<ChatRoomRow> roomOf(UUID userId, UUID roomId) {
        return rooms(userId, roomId).optional();
    }

    private JdbcClient.MappedQuerySpec<ChatRoomRow> rooms(UUID userId, UUID onlyRoom) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT r.id, r.kind, r.name, r.created_at,
                                   (SELECT max(m.created_at) FROM chat_messages m WHERE m.room_id = r.id) AS last_at,
                                   (SELECT count(*) FROM chat_messages m
                                    WHERE m.room_id = r.id AND m.author_id <> :user AND m.deleted_at IS NULL AND m.kind = 'text'
                                      AND m.created_at > coalesce(me.read_through, '-infinity')) AS unread
                            FROM chat_members me JOIN chat_rooms r ON r.id = me.room_id
                            WHERE me.user_id = :user AND (CAST(:room AS uuid) IS NULL OR r.id = :room)
                        ) rooms
                        ORDER BY coalesce(last_at, created_at) DESC, id
                        """)
                .param("user", userId)
                .param("room", onlyRoom, java.sql.Types.OTHER)
                .query((rs, n) -> new ChatRoomRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_at")),
                        rs.getLong("unread")));
    }

    ChatMessage insert(UUID roomId, UUID authorId, String body) {
        return insert(roomId, authorId, body, "text", null);
    }

    ChatMessage insert(UUID roomId, UUID authorId, String body, String kind, UUID replyTo) {
        return jdbc.sql("INSERT INTO chat_messages (id, room_id, author_id, body, kind, reply_to)"
                        + " VALUES (:id, :room, :author, :body, :kind, :reply) RETURNING " + MESSAGE_COLUMNS)
                .param("id", UUID.randomUUID())
                .param("room", roomId)
                .param("author", authorId)
                .param("body", body)
                .param("kind", kind)
                .param("reply", replyTo)
                .query(ChatRepository::row)
                .single();
    }

    /** The answers to a message, oldest first. */
    List<ChatMessage> replies(UUID messageId, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_messages WHERE reply_to = :id"
                        + " ORDER BY created_at, id LIMIT :limit")
                .param("id", messageId)
                .param("limit", limit)
                .query(ChatRepository::row)
                .list();
    }

    /** Adds the member (or makes them an admin); false when they were in already with that role. */
    boolean addMember(UUID roomId, UUID userId, String role) {
        return jdbc.sql("""
                        INSERT INTO chat_members (room_id, user_id, role) VALUES (:room, :user, :role)
                        ON CONFLICT (room_id, user_id) DO UPDATE SET role = EXCLUDED.role
                            WHERE chat_members.role <> EXCLUDED.role AND EXCLUDED.role = 'admin'
                        """)
                        .param("room", roomId)
                        .param("user", userId)
                        .param("role", role)
                        .update()
                > 0;
    }

    boolean removeMember(UUID roomId, UUID userId) {
        return jdbc.sql("DELETE FROM chat_members WHERE room_id = :room AND user_id = :user")
                        .param("room", roomId)
                        .param("user", userId)
                        .update()
                > 0;
    }

    /** Locks the room's member rows, so two admins leaving at once still leave one behind. */
    void lockMembers(UUID roomId) {
        jdbc.sql("SELECT user_id FROM chat_members WHERE room_id = :room ORDER BY user_id FOR UPDATE")
                .param("room", roomId)
                .query(UUID.class)
                .list();
    }

    /** A group without an admin makes its longest-standing member one; answers who, if anyone. */
    Optional<UUID> handAdminOn(UUID roomId) {
        return jdbc.sql("""
                        UPDATE chat_members SET role = 'admin'
                        WHERE room_id = :room AND user_id = (
                            SELECT user_id FROM chat_members WHERE room_id = :room ORDER BY joined_at, user_id LIMIT 1)
                          AND NOT EXISTS (SELECT 1 FROM chat_members WHERE room_id = :room AND role = 'admin')
                        RETURNING user_id
                        """).param("room", roomId).query(UUID.class).optional();
    }

    boolean react(UUID messageId, UUID userId, String emoji) {
        return jdbc.sql(
                                "INSERT INTO chat_reactions (message_id, user_id, emoji) VALUES (:m, :u, :e) ON CONFLICT DO NOTHING")
                        .param("m", messageId)
                        .param("u", userId)
                        .param("e", emoji)
                        .update()
                > 0;
    }

    boolean unreact(UUID messageId, UUID userId, String emoji) {
        return jdbc.sql("DELETE FROM chat_reactions WHERE message_id = :m AND user_id = :u AND emoji = :e")
                        .param("m", messageId)
                        .param("u", userId)
                        .param("e", emoji)
                        .update()
                > 0;
    }

    /** Each message's reactions: emoji to who reacted, in the order they did. */
    Map<UUID, Map<String, List<UUID>>> reactions(Collection<UUID> messageIds) {
        Map<UUID, Map<String, List<UUID>>> all = new java.util.HashMap<>();
        if (messageIds.isEmpty()) {
            return all;
        }
        jdbc.sql("SELECT message_id, emoji, user_id FROM chat_reactions WHERE message_id = ANY(:ids)"
                        + " ORDER BY created_at, user_id")
                .param("ids", messageIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    all.computeIfAbsent(rs.getObject("message_id", UUID.class), id -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("emoji"), e -> new java.util.ArrayList<>())
                            .add(rs.getObject("user_id", UUID.class));
                    return null;
                })
                .list();
        return all;
    }

    Optional<ChatMessage> message(UUID id) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_messages WHERE id = :id")
                .param("id", id)
                .query(ChatRepository::row)
                .optional();
    }

    /** Newest first, from {@code after} on. */
    List<ChatMessage> page(UUID roomId, Cursor after, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_messages WHERE room_id = :room"
                        + (after == null ? "" : " AND (created_at, id) < (:at, :afterId)")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("room", roomId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(ChatRepository::row)
                .list();
    }

    Optional<ChatMessage> edit(UUID id, UUID authorId, String body) {
        return jdbc.sql("UPDATE chat_messages SET body = :body, edited_at = now()"
                        + " WHERE id = :id AND author_id = :author AND deleted_at IS NULL AND hidden_at IS NULL"
                        + " RETURNING " + MESSAGE_COLUMNS)
                .param("id", id)
                .param("author", authorId)
                .param("body", body)
                .query(ChatRepository::row)
                .optional();
    }

    Optional<ChatMessage> delete(UUID id, UUID authorId) {
        return jdbc.sql("UPDATE chat_messages SET body = '', deleted_at = now()"
                        + " WHERE id = :id AND author_id = :author AND deleted_at IS NULL RETURNING " + MESSAGE_COLUMNS)
                .param("id", id)
                .param("author", authorId)
                .query(ChatRepository::row)
                .optional();
    }

    /** Joins the caller's transaction; empty when it was hidden already or is gone. */
    Optional<ChatMessage> hide(UUID id) {
        return jdbc.sql("UPDATE chat_messages SET hidden_at = now()"
                        + " WHERE id = :id AND hidden_at IS NULL AND kind = 'text' RETURNING " + MESSAGE_COLUMNS)
                .param("id", id)
                .query(ChatRepository::row)
                .optional();
    }

    Optional<ChatMessage> unhide(UUID id) {
        return jdbc.sql("UPDATE chat_messages SET hidden_at = NULL WHERE id = :id AND hidden_at IS NOT NULL RETURNING "
                        + MESSAGE_COLUMNS)
                .param("id", id)
                .query(ChatRepository::row)
                .optional();
    }

    /** The messages of a room just before and after one, oldest first: what moderators read it in. */
    List<ChatMessage> around(ChatMessage message, int each) {
        List<ChatMessage> before = jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_messages WHERE room_id = :room"
                        + " AND (created_at, id) < (:at, :id) ORDER BY created_at DESC, id DESC LIMIT :each")
                .param("room", message.roomId())
                .param("at", Timestamp.from(message.createdAt()))
                .param("id", message.id())
                .param("each", each)
                .query(ChatRepository::row)
                .list();
        List<ChatMessage> after = jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM chat_messages WHERE room_id = :room"
                        + " AND (created_at, id) > (:at, :id) ORDER BY created_at, id LIMIT :each")
                .param("room", message.roomId())
                .param("at", Timestamp.from(message.createdAt()))
                .param("id", message.id())
                .param("each", each)
                .query(ChatRepository::row)
                .list();
        List<ChatMessage> all = new java.util.ArrayList<>(before);
        java.util.Collections.reverse(all);
        all.add(message);
        all.addAll(after);
        return all;
    }

    /** Moves the member's read (and so delivered) position forward, never back; false if it did not move. */
    boolean readThrough(UUID roomId, UUID userId, Instant through) {
        return jdbc.sql("""
                        UPDATE chat_members SET read_through = :through,
                               delivered_through = greatest(coalesce(delivered_through, '-infinity'), :through)
                        WHERE room_id = :room AND user_id = :user
                          AND coalesce(read_through, '-infinity') < :through
                        """)
                        .param("room", roomId)
                        .param("user", userId)
                        .param("through", Timestamp.from(through))
                        .update()
                == 1;
    }

    boolean deliveredThrough(UUID roomId, UUID userId, Instant through) {
        return jdbc.sql("""
                        UPDATE chat_members SET delivered_through = :through
                        WHERE room_id = :room AND user_id = :user
                          AND coalesce(delivered_through, '-infinity') < :through
                        """)
                        .param("room", roomId)
                        .param("user", userId)
                        .param("through", Timestamp.from(through))
                        .update()
                == 1;
    }

    private static ChatMessage row(ResultSet rs, int row) throws SQLException {
        return new ChatMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("room_id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("edited_at")),
                instant(rs.getTimestamp("deleted_at")),
                rs.getString("kind"),
                rs.getObject("reply_to", UUID.class),
                rs.getTimestamp("hidden_at") != null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
