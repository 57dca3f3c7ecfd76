-- A track's view counts its reposts; the primary key leads with the person, so it needs its own index.
CREATE INDEX track_reposts_track_idx ON track_reposts (track_id);
