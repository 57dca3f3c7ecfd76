-- What moderators decided about a piece of content or a person, on the reports about it. The author is told and
-- may appeal a hiding once. Erasure anonymises a decision (author, moderator and appeal text); the decision stays.
CREATE TABLE moderation_decisions (
    id                  UUID        NOT NULL PRIMARY KEY,
    target_type         TEXT        NOT NULL CHECK (target_type IN ('message', 'comment', 'track', 'user', 'playlist')),
    target_id           UUID        NOT NULL,
    author_id           UUID        REFERENCES users (id),
    moderator_id        UUID        REFERENCES users (id),
    action              TEXT        NOT NULL CHECK (action IN ('dismiss', 'hide', 'warn', 'suspend', 'escalate')),
    note                TEXT        CHECK (length(note) <= 1000),
    suspended_until     TIMESTAMPTZ,
    suspension_ended_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    appeal              TEXT        CHECK (length(appeal) <= 2000),
    appealed_at         TIMESTAMPTZ,
    appeal_outcome      TEXT        CHECK (appeal_outcome IN ('upheld', 'reversed')),
    appeal_decided_by   UUID        REFERENCES users (id),
    appeal_decided_at   TIMESTAMPTZ,
    CONSTRAINT moderation_decisions_period_is_a_suspension CHECK (suspended_until IS NULL OR action = 'suspend'),
    CONSTRAINT moderation_decisions_appeal_on_hiding CHECK (appealed_at IS NULL OR action = 'hide'),
    CONSTRAINT moderation_decisions_outcome_after_appeal CHECK (appeal_outcome IS NULL OR appealed_at IS NOT NULL)
);
CREATE INDEX moderation_decisions_target_idx ON moderation_decisions (target_type, target_id, created_at);
CREATE INDEX moderation_decisions_author_idx ON moderation_decisions (author_id);
CREATE INDEX moderation_decisions_open_appeals_idx ON moderation_decisions (appealed_at)
    WHERE appealed_at IS NOT NULL AND appeal_outcome IS NULL;
CREATE INDEX moderation_decisions_timed_suspensions_idx ON moderation_decisions (suspended_until)
    WHERE suspended_until IS NOT NULL AND suspension_ended_at IS NULL;

-- A report by a signed-in person; one open report per person and target. Erasure deletes a person's reports.
CREATE TABLE moderation_reports (
    id              UUID        NOT NULL PRIMARY KEY,
    reporter_id     UUID        NOT NULL REFERENCES users (id),
    target_type     TEXT        NOT NULL CHECK (target_type IN ('message', 'comment', 'track', 'user', 'playlist')),
    target_id       UUID        NOT NULL,
    reason          TEXT        NOT NULL CHECK (reason IN ('spam', 'harassment', 'hate', 'sexual_content', 'violence',
                                                           'impersonation', 'other')),
    details         TEXT        CHECK (length(details) <= 2000),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    decision_id     UUID        REFERENCES moderation_decisions (id),
    resolved_at     TIMESTAMPTZ,
    sla_notified_at TIMESTAMPTZ,
    CONSTRAINT moderation_reports_resolved_by_a_decision CHECK ((decision_id IS NULL) = (resolved_at IS NULL))
);
CREATE UNIQUE INDEX moderation_reports_one_open_idx ON moderation_reports (reporter_id, target_type, target_id)
    WHERE resolved_at IS NULL;
CREATE INDEX moderation_reports_open_idx ON moderation_reports (created_at) WHERE resolved_at IS NULL;
CREATE INDEX moderation_reports_target_idx ON moderation_reports (target_type, target_id, created_at);
CREATE INDEX moderation_reports_reporter_idx ON moderation_reports (reporter_id);
