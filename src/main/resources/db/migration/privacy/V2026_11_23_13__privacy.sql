-- Exports of a person's data. A worker claims a queued row (FOR UPDATE SKIP LOCKED, with a lease), writes the ZIP
-- to the blob store and marks it ready; the archive is deleted and the row marked expired after expires_at.
CREATE TABLE data_exports (
    id           UUID        NOT NULL PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id),
    status       TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
    attempts     INTEGER     NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    blob_key     TEXT,
    size_bytes   BIGINT,
    error        TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ,
    CONSTRAINT data_exports_ready_has_archive CHECK (status <> 'ready' OR (blob_key IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX data_exports_user_idx ON data_exports (user_id, created_at DESC);
CREATE INDEX data_exports_queue_idx ON data_exports (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX data_exports_expiry_idx ON data_exports (expires_at) WHERE status = 'ready';

-- Erasures done in PostgreSQL whose other stores (cache, search) are still to be cleaned. The ids of the person's
-- tracks and playlists are collected before anything is erased, so a retry knows what to remove from the index.
CREATE TABLE account_erasures (
    user_id        UUID        NOT NULL PRIMARY KEY,
    erased_at      TIMESTAMPTZ NOT NULL,
    track_ids      UUID[]      NOT NULL DEFAULT '{}',
    playlist_ids   UUID[]      NOT NULL DEFAULT '{}',
    pending_stores TEXT[]      NOT NULL DEFAULT '{}' CHECK (pending_stores <@ ARRAY['cache', 'search']),
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     TEXT,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX account_erasures_pending_idx ON account_erasures (updated_at) WHERE cardinality(pending_stores) > 0;
