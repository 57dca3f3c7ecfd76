-- Tracks. A track is 'processing' from upload until its HLS renditions are recorded, then 'ready'; or 'failed'
-- with a status_message a person can read. The original file lives in the blob store at file_path.
CREATE TABLE tracks (
    id                UUID        NOT NULL PRIMARY KEY,
    owner_id          UUID        NOT NULL REFERENCES users (id),
    title             TEXT        NOT NULL,
    description       TEXT,
    genre             TEXT,
    tags              TEXT[]      NOT NULL DEFAULT '{}',
    visibility        TEXT        NOT NULL CHECK (visibility IN ('public', 'unlisted', 'private')),
    status            TEXT        NOT NULL CHECK (status IN ('processing', 'ready', 'failed')),
    status_message    TEXT,
    file_path         TEXT        NOT NULL,
    original_format   TEXT        NOT NULL,
    original_size     BIGINT      NOT NULL DEFAULT 0,
    cover_path        TEXT,
    -- where the current HLS segments and cover thumbnails live; each processing run writes under a prefix
    -- of its own, so a run that lost its claim can never overwrite what another run committed
    hls_prefix        TEXT,
    thumbnail_prefix  TEXT,
    duration_ms       BIGINT,
    bitrate           INTEGER,
    sample_rate       INTEGER,
    channels          INTEGER,
    codec             TEXT,
    source_tags       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    waveform          JSONB,
    media_version     INTEGER     NOT NULL DEFAULT 0,
    play_count        BIGINT      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    ready_at          TIMESTAMPTZ,
    deleted_at        TIMESTAMPTZ
);
CREATE INDEX tracks_owner_idx ON tracks (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX tracks_public_idx ON tracks (created_at DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'ready' AND visibility = 'public';
CREATE INDEX tracks_processing_idx ON tracks (created_at) WHERE status = 'processing';

-- The processing queue. Claimed with FOR UPDATE SKIP LOCKED; a claim is a lease (locked_until) that the
-- worker extends while it works, so a job of a crashed instance is taken again once its lease has run out.
CREATE TABLE track_processing_jobs (
    id           UUID        NOT NULL PRIMARY KEY,
    track_id     UUID        NOT NULL REFERENCES tracks (id),
    status       TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    attempts     INTEGER     NOT NULL DEFAULT 0,
    run_after    TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_by    TEXT,
    locked_until TIMESTAMPTZ,
    last_error   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX track_processing_jobs_due_idx ON track_processing_jobs (run_after) WHERE status = 'queued';
CREATE INDEX track_processing_jobs_leased_idx ON track_processing_jobs (locked_until) WHERE status = 'running';
CREATE UNIQUE INDEX track_processing_jobs_one_open_per_track ON track_processing_jobs (track_id)
    WHERE status IN ('queued', 'running');

-- The HLS renditions of a track's current media_version and every segment of each, written in the same
-- transaction that makes the track 'ready': a ready track always has all its segments.
CREATE TABLE track_renditions (
    track_id      UUID    NOT NULL REFERENCES tracks (id),
    media_version INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    bitrate       INTEGER NOT NULL,
    codecs        TEXT    NOT NULL,
    target_duration INTEGER NOT NULL,
    PRIMARY KEY (track_id, media_version, name)
);

CREATE TABLE track_segments (
    track_id      UUID         NOT NULL,
    media_version INTEGER      NOT NULL,
    rendition     TEXT         NOT NULL,
    seq           INTEGER      NOT NULL,
    duration      NUMERIC(9,6) NOT NULL,
    blob_key      TEXT         NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    PRIMARY KEY (track_id, media_version, rendition, seq),
    FOREIGN KEY (track_id, media_version, rendition) REFERENCES track_renditions (track_id, media_version, name)
);

-- Every reported listen; plays count towards the track's play_count once they pass the threshold.
CREATE TABLE playback_history (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         UUID,
    track_id        UUID        NOT NULL REFERENCES tracks (id),
    seconds_played  INTEGER     NOT NULL CHECK (seconds_played >= 0),
    counted         BOOLEAN     NOT NULL,
    played_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX playback_history_user_idx ON playback_history (user_id, played_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX playback_history_track_idx ON playback_history (track_id, played_at DESC);
