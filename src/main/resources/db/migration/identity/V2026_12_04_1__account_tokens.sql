-- When the account's email was confirmed as the person's; accounts from before verification existed are unverified.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;

-- One-time links mailed to a person: a password reset, an email verification. Only a hash of the token is kept;
-- a token works once, before it expires, and only for the address it was sent to.
CREATE TABLE account_tokens (
    token_hash BYTEA       NOT NULL PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
    email      CITEXT      NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);
CREATE INDEX account_tokens_expiry_idx ON account_tokens (expires_at);
