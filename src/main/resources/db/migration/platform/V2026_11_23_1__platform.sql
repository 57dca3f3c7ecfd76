-- Locks that let one instance at a time run each periodic worker (ShedLock).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Domain events kept until every listener has handled them: a transactional outbox (Spring Modulith).
CREATE TABLE event_publication (
    id               UUID        NOT NULL PRIMARY KEY,
    listener_id      TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    serialized_event TEXT        NOT NULL,
    publication_date TIMESTAMPTZ NOT NULL,
    completion_date  TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Who did what, when, from where. user_id and ip_address are nulled when a person is erased.
CREATE TABLE audit_logs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     UUID,
    ip_address  TEXT,
    action      TEXT        NOT NULL,
    target_type TEXT,
    target_id   UUID,
    details     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_user_idx ON audit_logs (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX audit_logs_target_idx ON audit_logs (target_id, created_at DESC) WHERE target_id IS NOT NULL;
CREATE INDEX audit_logs_action_idx ON audit_logs (action, created_at DESC);
