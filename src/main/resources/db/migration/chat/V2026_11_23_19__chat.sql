-- Chat rooms: direct (two people, one room per pair: direct_key is the two ids in order) or group (named).
CREATE TABLE chat_rooms (
    id         UUID        NOT NULL PRIMARY KEY,
    kind       TEXT        NOT NULL CHECK (kind IN ('direct', 'group')),
    name       TEXT,
    direct_key TEXT        UNIQUE,
    created_by UUID        REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'direct') = (direct_key IS NOT NULL)),
    CHECK (kind = 'direct' OR name IS NOT NULL)
);

-- Who is in a room, and how far they have received (delivered) and read it: receipts are positions, so each is one
-- row per member, never one per message.
CREATE TABLE chat_members (
    room_id           UUID        NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
    user_id           UUID        NOT NULL REFERENCES users (id),
    joined_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_through TIMESTAMPTZ,
    read_through      TIMESTAMPTZ,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX chat_members_user_idx ON chat_members (user_id);

-- Messages; an edit keeps the row and stamps edited_at, a deletion blanks the body and stamps deleted_at, so the
-- history keeps its shape.
CREATE TABLE chat_messages (
    id         UUID        NOT NULL PRIMARY KEY,
    room_id    UUID        NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
    author_id  UUID        NOT NULL REFERENCES users (id),
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    edited_at  TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ
);
CREATE INDEX chat_messages_room_idx ON chat_messages (room_id, created_at DESC, id DESC);
CREATE INDEX chat_messages_author_idx ON chat_messages (author_id);
