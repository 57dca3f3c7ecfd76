-- A track can be withheld without its owner's say: taken down on a copyright notice, or unpublished when its owner
-- closed the account. Withholding makes it private and remembers the visibility to give back when the withholding
-- ends (the counter-notice period passed; the account was recovered).
ALTER TABLE tracks ADD COLUMN taken_down_at TIMESTAMPTZ;
ALTER TABLE tracks ADD COLUMN visibility_before_takedown TEXT
    CHECK (visibility_before_takedown IN ('public', 'unlisted', 'private'));
ALTER TABLE tracks ADD COLUMN visibility_before_closure TEXT
    CHECK (visibility_before_closure IN ('public', 'unlisted', 'private'));
ALTER TABLE tracks ADD CONSTRAINT tracks_taken_down_is_private
    CHECK (taken_down_at IS NULL OR visibility = 'private');
