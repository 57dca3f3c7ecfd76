-- A browser signs in with a session cookie instead of tokens. Its row lives in the same session list (so revoking
-- it from the API signs the browser out), but its secret is never a refresh token: it cannot be rotated into API
-- tokens, and a refresh token cannot be used as a cookie.
ALTER TABLE user_sessions
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'api' CHECK (kind IN ('api', 'browser'));
