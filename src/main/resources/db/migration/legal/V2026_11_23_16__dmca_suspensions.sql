-- Accounts suspended as repeat infringers. A suspension is lifted when a restoration brings the account's upheld
-- strikes back under the threshold; only suspensions recorded here are ever lifted that way.
CREATE TABLE dmca_suspensions (
    user_id      UUID        NOT NULL PRIMARY KEY,
    suspended_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    strikes      INT         NOT NULL
);
