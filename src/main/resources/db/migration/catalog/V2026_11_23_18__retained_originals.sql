-- A deleted track's original stays in storage while somebody still holds a right to download it (its buyers);
-- the retained-originals worker deletes the file once nobody does (after a refund, for instance).
ALTER TABLE tracks ADD COLUMN original_retained BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX tracks_original_retained_idx ON tracks (id) WHERE original_retained;
