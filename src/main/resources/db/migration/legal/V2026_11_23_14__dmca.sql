-- Copyright notices under 17 USC 512(c)(3)(A), and the uploader's counter-notice under 512(g)(3).
-- received -> taken_down | rejected; taken_down -> counter_noticed -> restored (unless a court action is recorded).
CREATE TABLE dmca_notices (
    id                     UUID        NOT NULL PRIMARY KEY,
    reference              TEXT        NOT NULL UNIQUE,
    status                 TEXT        NOT NULL
        CHECK (status IN ('received', 'taken_down', 'rejected', 'counter_noticed', 'restored')),
    claimant_name          TEXT        NOT NULL,
    claimant_address       TEXT        NOT NULL,
    claimant_email         TEXT        NOT NULL,
    claimant_phone         TEXT        NOT NULL,
    copyrighted_work       TEXT        NOT NULL,
    track_id               UUID        REFERENCES tracks (id),
    infringing_url         TEXT,
    signature              TEXT        NOT NULL,
    submitted_by           UUID,
    uploader_id            UUID,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    reviewed_by            UUID,
    reviewed_at            TIMESTAMPTZ,
    rejection_reason       TEXT,
    counter_name           TEXT,
    counter_address        TEXT,
    counter_phone          TEXT,
    counter_email          TEXT,
    counter_signature      TEXT,
    counter_noticed_at     TIMESTAMPTZ,
    restore_after          TIMESTAMPTZ,
    court_action_at        TIMESTAMPTZ,
    restored_at            TIMESTAMPTZ,
    CONSTRAINT dmca_notices_names_a_track CHECK (track_id IS NOT NULL OR infringing_url IS NOT NULL),
    CONSTRAINT dmca_notices_counter_complete CHECK (
        counter_noticed_at IS NULL OR (counter_name IS NOT NULL AND counter_signature IS NOT NULL AND restore_after IS NOT NULL))
);
CREATE INDEX dmca_notices_queue_idx ON dmca_notices (status, created_at);
CREATE INDEX dmca_notices_restore_idx ON dmca_notices (restore_after)
    WHERE status = 'counter_noticed' AND court_action_at IS NULL;
CREATE INDEX dmca_notices_track_idx ON dmca_notices (track_id);

-- One strike per notice upheld against an uploader; lifted when the track is restored after a counter-notice.
CREATE TABLE dmca_strikes (
    notice_id  UUID        NOT NULL PRIMARY KEY REFERENCES dmca_notices (id),
    user_id    UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lifted_at  TIMESTAMPTZ
);
CREATE INDEX dmca_strikes_user_idx ON dmca_strikes (user_id) WHERE lifted_at IS NULL;
