-- A track can also be hidden by moderators (a report upheld). Like a takedown it makes the track private for
-- everyone but its owner; visibility_before_takedown keeps the owner's choice while either withholds it.
ALTER TABLE tracks ADD COLUMN hidden_at TIMESTAMPTZ;
ALTER TABLE tracks ADD CONSTRAINT tracks_hidden_is_private CHECK (hidden_at IS NULL OR visibility = 'private');
