-- Money tables are never deleted with their people: users are anonymised, not removed, so every payment, refund
-- and payout stays explained by rows someone can read.

CREATE TABLE seller_accounts (
    user_id            UUID        NOT NULL PRIMARY KEY REFERENCES users (id),
    stripe_account_id  TEXT        NOT NULL UNIQUE,
    details_submitted  BOOLEAN     NOT NULL DEFAULT FALSE,
    charges_enabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    payouts_enabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    refreshed_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id            UUID        NOT NULL PRIMARY KEY,
    seller_id     UUID        NOT NULL REFERENCES users (id),
    track_id      UUID        NOT NULL REFERENCES tracks (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('download', 'licence')),
    licence_terms TEXT,
    price_minor   BIGINT      NOT NULL CHECK (price_minor > 0),
    currency      CHAR(3)     NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'unpublished')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (kind = 'download' OR licence_terms IS NOT NULL)
);
-- one live offer per track and kind, so a buyer never sees two prices for the same thing
CREATE UNIQUE INDEX products_track_kind_key ON products (track_id, kind) WHERE status = 'published';
CREATE INDEX products_listing_idx ON products (created_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX products_seller_idx ON products (seller_id, created_at DESC, id DESC);

-- request_hash: the body the Idempotency-Key was first used with; the same key with another body is refused.
-- payment_id stays NULL until the provider has created the payment; provider_updated_at is the provider's own time
-- of the last state applied, so an older delivery never undoes a newer one.
CREATE TABLE orders (
    id                  UUID        NOT NULL PRIMARY KEY,
    buyer_id            UUID        NOT NULL REFERENCES users (id),
    idempotency_key     TEXT        NOT NULL,
    request_hash        TEXT        NOT NULL,
    status              TEXT        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'completed', 'failed', 'refund_pending', 'refunded')),
    total_minor         BIGINT      NOT NULL CHECK (total_minor > 0),
    currency            CHAR(3)     NOT NULL,
    payment_id          TEXT        UNIQUE,
    client_secret       TEXT,
    failure_reason      TEXT,
    provider_updated_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    UNIQUE (buyer_id, idempotency_key)
);
CREATE INDEX orders_buyer_idx ON orders (buyer_id, created_at DESC, id DESC);
CREATE INDEX orders_pending_idx ON orders (updated_at) WHERE status = 'pending' AND payment_id IS NOT NULL;

-- A line copies what was bought at the price paid, so later edits of the product change no past order.
CREATE TABLE order_lines (
    id                 UUID    NOT NULL PRIMARY KEY,
    order_id           UUID    NOT NULL REFERENCES orders (id),
    product_id         UUID    NOT NULL REFERENCES products (id),
    seller_id          UUID    NOT NULL REFERENCES users (id),
    track_id           UUID    NOT NULL REFERENCES tracks (id),
    kind               TEXT    NOT NULL,
    licence_terms      TEXT,
    price_minor        BIGINT  NOT NULL,
    platform_fee_minor BIGINT  NOT NULL,
    currency           CHAR(3) NOT NULL,
    position           INT     NOT NULL,
    UNIQUE (order_id, product_id)
);
CREATE INDEX order_lines_seller_idx ON order_lines (seller_id);

-- What a buyer owns: granted when the payment succeeds, revoked when it is refunded.
CREATE TABLE purchases (
    id            UUID        NOT NULL PRIMARY KEY,
    order_line_id UUID        NOT NULL UNIQUE REFERENCES order_lines (id),
    buyer_id      UUID        NOT NULL REFERENCES users (id),
    track_id      UUID        NOT NULL REFERENCES tracks (id),
    kind          TEXT        NOT NULL,
    granted_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX purchases_buyer_idx ON purchases (buyer_id, granted_at DESC, id DESC);
CREATE INDEX purchases_track_buyer_idx ON purchases (track_id, buyer_id) WHERE revoked_at IS NULL;

-- Phase 1 of a refund writes the row with no provider id; phase 2 stores the provider's id.
CREATE TABLE refunds (
    id                    UUID        NOT NULL PRIMARY KEY,
    order_id              UUID        NOT NULL REFERENCES orders (id),
    requested_by          UUID        NOT NULL REFERENCES users (id),
    status                TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    amount_minor          BIGINT      NOT NULL,
    currency              CHAR(3)     NOT NULL,
    reason                TEXT,
    hyperswitch_refund_id TEXT        UNIQUE,
    error_message         TEXT,
    provider_updated_at   TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- at most one refund in flight or done per order
CREATE UNIQUE INDEX refunds_live_key ON refunds (order_id) WHERE status IN ('pending', 'succeeded');
CREATE INDEX refunds_pending_idx ON refunds (created_at) WHERE status = 'pending';

-- status changes only through the transfer state machine (TransferStateMachine); see its table of transitions.
CREATE TABLE seller_transfers (
    id                 UUID        NOT NULL PRIMARY KEY,
    order_id           UUID        NOT NULL REFERENCES orders (id),
    order_line_id      UUID        NOT NULL UNIQUE REFERENCES order_lines (id),
    seller_id          UUID        NOT NULL REFERENCES users (id),
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor >= 0),
    platform_fee_minor BIGINT      NOT NULL,
    currency           CHAR(3)     NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('awaiting_onboarding', 'pending', 'completed', 'failed',
                                   'cancelled', 'reversal_pending', 'reversed', 'permanently_failed')),
    stripe_account_id  TEXT,
    stripe_transfer_id TEXT,
    stripe_reversal_id TEXT,
    retry_count        INT         NOT NULL DEFAULT 0,
    next_retry_at      TIMESTAMPTZ,
    last_error         TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX seller_transfers_seller_idx ON seller_transfers (seller_id, created_at DESC, id DESC);
CREATE INDEX seller_transfers_status_idx ON seller_transfers (status, created_at DESC, id DESC);
CREATE INDEX seller_transfers_due_idx ON seller_transfers (next_retry_at)
    WHERE status IN ('failed', 'reversal_pending');

-- Every delivery to POST /webhooks/hyperswitch, whatever became of it: forensics first.
CREATE TABLE hyperswitch_webhook_log (
    id                BIGSERIAL   NOT NULL PRIMARY KEY,
    payload           TEXT        NOT NULL,
    signature_valid   BOOLEAN     NOT NULL,
    processing_result TEXT        NOT NULL,
    source_ip         TEXT,
    user_agent        TEXT,
    request_id        TEXT        NOT NULL,
    event_type        TEXT,
    received_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hyperswitch_webhook_log_received_idx ON hyperswitch_webhook_log (received_at);
-- "show me the invalid signatures" reads only those rows
CREATE INDEX hyperswitch_webhook_log_invalid_idx ON hyperswitch_webhook_log (received_at DESC)
    WHERE signature_valid = FALSE;

-- The provider's event ids already applied: a captured or repeated delivery changes nothing. Written in the same
-- transaction as the change it made, and kept as long as the log (far past the provider's 24 h of retries).
CREATE TABLE hyperswitch_processed_events (
    event_id     TEXT        NOT NULL PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hyperswitch_processed_events_at_idx ON hyperswitch_processed_events (processed_at);
