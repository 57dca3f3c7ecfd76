-- The front page lists the newest and the most played public tracks: each order gets its index over the listed
-- tracks, so the page reads a dozen index entries instead of sorting the whole catalogue.
CREATE INDEX tracks_listed_newest_idx ON tracks (ready_at DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'ready' AND visibility = 'public';
CREATE INDEX tracks_listed_popular_idx ON tracks (play_count DESC, ready_at DESC)
    WHERE deleted_at IS NULL AND status = 'ready' AND visibility = 'public';
