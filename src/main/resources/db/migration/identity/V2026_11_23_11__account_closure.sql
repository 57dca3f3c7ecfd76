-- A closed account keeps its login email only as a keyed hash (HMAC-SHA256), so that the person can recover the
-- account with email and password until the recovery deadline, and nobody can read the address from the row.
ALTER TABLE users ADD COLUMN email_hash BYTEA;
ALTER TABLE users ADD COLUMN keep_public_tracks BOOLEAN;
ALTER TABLE users ADD COLUMN erased_at TIMESTAMPTZ;
CREATE INDEX users_closed_email_idx ON users (email_hash) WHERE deleted_at IS NOT NULL AND email_hash IS NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_recovery_needs_deletion;
ALTER TABLE users ADD CONSTRAINT users_recovery_needs_deletion
    CHECK ((recovery_deadline IS NULL AND erased_at IS NULL) OR deleted_at IS NOT NULL);
