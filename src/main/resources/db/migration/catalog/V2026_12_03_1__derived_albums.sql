-- Players browse by album and Veza has no album entity: a track belongs to the album its file's album tag names, per
-- artist (one name by two artists is two albums, case aside), or to an album of its own when it has no tag. The id
-- is derived from what defines the album, so it is the same on every instance and after every restart, with no
-- table to keep in step with the tracks.
ALTER TABLE tracks ADD COLUMN album_title TEXT
    GENERATED ALWAYS AS (NULLIF(btrim(source_tags ->> 'album'), '')) STORED;
ALTER TABLE tracks ADD COLUMN album_id UUID
    GENERATED ALWAYS AS (md5(owner_id::text || '/'
        || COALESCE(lower(NULLIF(btrim(source_tags ->> 'album'), '')), 'track:' || id::text))::uuid) STORED;
CREATE INDEX tracks_album_idx ON tracks (album_id) WHERE deleted_at IS NULL AND status = 'ready';
