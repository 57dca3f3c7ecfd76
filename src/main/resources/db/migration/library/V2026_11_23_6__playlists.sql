-- Playlists. track_count is kept by the statements that add and remove entries, under the playlist's row lock.
CREATE TABLE playlists (
    id          UUID        NOT NULL PRIMARY KEY,
    owner_id    UUID        NOT NULL REFERENCES users (id),
    title       TEXT        NOT NULL,
    description TEXT,
    visibility  TEXT        NOT NULL CHECK (visibility IN ('public', 'private')),
    track_count INTEGER     NOT NULL DEFAULT 0 CHECK (track_count >= 0),
    copied_from UUID,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX playlists_owner_idx ON playlists (owner_id, created_at DESC, id DESC);

-- Positions are 0..n-1 without gaps; the unique constraint is checked at commit so a reorder can move rows freely.
CREATE TABLE playlist_tracks (
    playlist_id UUID        NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    track_id    UUID        NOT NULL REFERENCES tracks (id),
    position    INTEGER     NOT NULL CHECK (position >= 0),
    added_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (playlist_id, track_id),
    CONSTRAINT playlist_tracks_position_key UNIQUE (playlist_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX playlist_tracks_track_idx ON playlist_tracks (track_id);
