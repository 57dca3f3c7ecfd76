-- Outgoing webhooks: where a person wants to hear about events on their own data.
CREATE TABLE webhook_endpoints (
    id                   UUID        NOT NULL PRIMARY KEY,
    user_id              UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url                  TEXT        NOT NULL,
    secret               TEXT        NOT NULL,
    events               TEXT[]      NOT NULL,
    status               TEXT        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    disabled_reason      TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at           TIMESTAMPTZ
);
CREATE INDEX webhook_endpoints_user_idx ON webhook_endpoints (user_id) WHERE deleted_at IS NULL;

-- One row per event per endpoint: the delivery log its owner reads, and the retry queue the worker drains.
CREATE TABLE webhook_deliveries (
    id               UUID        NOT NULL PRIMARY KEY,
    endpoint_id      UUID        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         UUID        NOT NULL,
    event_type       TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC);
