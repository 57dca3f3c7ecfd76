CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE users (
    id                UUID        NOT NULL PRIMARY KEY,
    email             CITEXT      NOT NULL,
    username          CITEXT      NOT NULL,
    display_name      TEXT,
    first_name        TEXT,
    last_name         TEXT,
    bio               TEXT,
    location          TEXT,
    avatar            TEXT,
    banner_url        TEXT,
    password_hash     TEXT        NOT NULL,
    role              TEXT        NOT NULL DEFAULT 'listener' CHECK (role IN ('listener', 'artist', 'admin')),
    status            TEXT        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at        TIMESTAMPTZ,
    recovery_deadline TIMESTAMPTZ,
    CONSTRAINT users_recovery_needs_deletion CHECK (recovery_deadline IS NULL OR deleted_at IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_pending_erasure_idx ON users (recovery_deadline) WHERE deleted_at IS NOT NULL;

CREATE TABLE user_profiles (
    user_id    UUID        NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    website    TEXT,
    pronouns   TEXT,
    links      JSONB       NOT NULL DEFAULT '[]'::jsonb,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_settings (
    user_id             UUID        NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    locale              TEXT        NOT NULL DEFAULT 'en',
    timezone            TEXT        NOT NULL DEFAULT 'UTC',
    email_notifications BOOLEAN     NOT NULL DEFAULT TRUE,
    explicit_content    BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per refresh token. Rotation marks the old row rotated and adds a new one in the same family;
-- presenting a rotated or revoked token revokes the whole family (a stolen token was replayed).
CREATE TABLE user_sessions (
    id                 UUID        NOT NULL PRIMARY KEY,
    user_id            UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id          UUID        NOT NULL,
    refresh_token_hash BYTEA       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at         TIMESTAMPTZ NOT NULL,
    rotated_at         TIMESTAMPTZ,
    revoked_at         TIMESTAMPTZ,
    revoked_reason     TEXT,
    ip_address         TEXT,
    user_agent         TEXT
);
CREATE UNIQUE INDEX user_sessions_token_key ON user_sessions (refresh_token_hash);
CREATE INDEX user_sessions_family_idx ON user_sessions (family_id);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id) WHERE revoked_at IS NULL AND rotated_at IS NULL;
CREATE INDEX user_sessions_expiry_idx ON user_sessions (expires_at);
