-- Each track's loudness as EBU R128 / ITU-R BS.1770 measure it, taken in the processing pass, so players can level
-- one track with the next. loudness_measured_at says it was measured: a silent track is measured and has no
-- integrated loudness or peak. Tracks processed before this column existed are measured by the loudness backfill,
-- which counts its attempts so a file that cannot be read is not tried for ever.
ALTER TABLE tracks ADD COLUMN loudness_lufs        DOUBLE PRECISION;
ALTER TABLE tracks ADD COLUMN loudness_range_lu    DOUBLE PRECISION;
ALTER TABLE tracks ADD COLUMN true_peak_dbtp       DOUBLE PRECISION;
ALTER TABLE tracks ADD COLUMN loudness_measured_at TIMESTAMPTZ;
ALTER TABLE tracks ADD COLUMN loudness_attempts    INT NOT NULL DEFAULT 0;
CREATE INDEX tracks_loudness_backlog_idx ON tracks (ready_at, id)
    WHERE loudness_measured_at IS NULL AND status = 'ready' AND deleted_at IS NULL;
