-- One weekly digest per person and week, claimed before it is sent: two instances, a restart or a worker run twice
-- find the row and send nothing more. week_start is the digest day's date in the person's time zone.
CREATE TABLE notification_digests (
    user_id       UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week_start    DATE        NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('sending', 'sent')),
    claimed_until TIMESTAMPTZ NOT NULL,
    attempts      INTEGER     NOT NULL DEFAULT 1,
    sent_at       TIMESTAMPTZ,
    PRIMARY KEY (user_id, week_start)
);
