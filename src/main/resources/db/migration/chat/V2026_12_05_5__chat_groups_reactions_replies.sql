-- Group admins: the creator, and the members they make admins; they add and remove members.
ALTER TABLE chat_members ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member'));
UPDATE chat_members m SET role = 'admin'
FROM chat_rooms r WHERE r.id = m.room_id AND r.kind = 'group' AND r.created_by = m.user_id;

-- A message is text, or a line the room writes itself when someone joins or leaves (its author is that person,
-- its body the id of whoever added or removed them, empty when they left by themselves). A text may answer another.
ALTER TABLE chat_messages
    ADD COLUMN kind     TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'member_joined', 'member_left')),
    ADD COLUMN reply_to UUID REFERENCES chat_messages (id) ON DELETE SET NULL;
CREATE INDEX chat_messages_reply_idx ON chat_messages (reply_to, created_at) WHERE reply_to IS NOT NULL;

-- One reaction per emoji per person and message.
CREATE TABLE chat_reactions (
    message_id UUID        NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, user_id, emoji)
);
CREATE INDEX chat_reactions_user_idx ON chat_reactions (user_id);
