-- Comments of a closed account are hidden at once and shown again if the account is recovered; erasure deletes them.
ALTER TABLE track_comments ADD COLUMN withheld_by_closure BOOLEAN NOT NULL DEFAULT false;
