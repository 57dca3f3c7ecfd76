-- A playlist hidden by moderators is private for everyone but its owner; the owner's choice of visibility waits
-- in visibility_before_hiding until moderators restore it.
ALTER TABLE playlists ADD COLUMN hidden_at TIMESTAMPTZ;
ALTER TABLE playlists ADD COLUMN visibility_before_hiding TEXT CHECK (visibility_before_hiding IN ('public', 'private'));
ALTER TABLE playlists ADD CONSTRAINT playlists_hidden_is_private CHECK (hidden_at IS NULL OR visibility = 'private');
