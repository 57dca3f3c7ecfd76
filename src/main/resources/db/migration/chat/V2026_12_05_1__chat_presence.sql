-- When each person last had a socket open. Every instance stamps the people connected to it every half minute, so
-- an instance that dies simply stops stamping and its people read as away soon after; nothing to clean up.
CREATE TABLE chat_presence (
    user_id      UUID        NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_seen_at TIMESTAMPTZ NOT NULL
);
