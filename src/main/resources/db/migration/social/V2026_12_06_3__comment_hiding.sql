-- A comment hidden by moderators is seen by its author only (and moderators, in their queue).
ALTER TABLE track_comments ADD COLUMN hidden_at TIMESTAMPTZ;
