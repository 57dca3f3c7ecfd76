-- One row per thing a person is told about. source_event makes building a notification from an event idempotent:
-- the outbox may hand the same event over twice.
CREATE TABLE notifications (
    id           UUID        NOT NULL PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    actor_id     UUID        REFERENCES users (id) ON DELETE SET NULL,
    type         TEXT        NOT NULL,
    payload      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    read         BOOLEAN     NOT NULL DEFAULT FALSE,
    source_event TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notifications_source_key ON notifications (user_id, source_event);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE NOT read;
