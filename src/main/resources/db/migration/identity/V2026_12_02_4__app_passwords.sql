-- App passwords, for Subsonic players. Their token authentication (t = md5(password + salt)) needs each password
-- itself on the server, so it is kept encrypted (AES-GCM under APP_PASSWORD_KEY, bound to its row), not hashed;
-- an app password works on /rest only, never for the REST API or the web login.
CREATE TABLE app_passwords (
    id           UUID        NOT NULL PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    nonce        BYTEA       NOT NULL,
    ciphertext   BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX app_passwords_user_idx ON app_passwords (user_id) WHERE revoked_at IS NULL;
