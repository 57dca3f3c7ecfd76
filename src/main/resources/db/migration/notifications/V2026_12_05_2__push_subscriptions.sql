-- The browsers (and other push clients) a person asked to be notified on: the push service's endpoint and the keys
-- its messages are encrypted to. An endpoint belongs to one browser profile, so to one person at a time.
CREATE TABLE push_subscriptions (
    id           UUID        NOT NULL PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint     TEXT        NOT NULL UNIQUE,
    p256dh       TEXT        NOT NULL,
    auth         TEXT        NOT NULL,
    user_agent   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_push_at TIMESTAMPTZ,
    failures     INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

-- Whether each kind is pushed to those devices; NULL follows the default (pushed).
ALTER TABLE notification_preferences ADD COLUMN push BOOLEAN;
ALTER TABLE notification_preferences ALTER COLUMN delivery DROP NOT NULL;
