-- Players star albums; Veza's albums are derived from tags (tracks.album_id), so the star is kept by its id and
-- holds for whatever tracks the album has when it is read. Songs and artists need no table: their stars are likes
-- and follows.
CREATE TABLE subsonic_album_stars (
    user_id    UUID        NOT NULL REFERENCES users (id),
    album_id   UUID        NOT NULL,
    starred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, album_id)
);
CREATE INDEX subsonic_album_stars_recent_idx ON subsonic_album_stars (user_id, starred_at DESC);
