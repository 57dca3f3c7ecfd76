-- How each person wants to hear about each kind of notification by mail: at once, in the weekly digest, or not.
-- A kind without a row follows its default (NotificationKind).
CREATE TABLE notification_preferences (
    user_id  UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('instant', 'digest', 'off')),
    PRIMARY KEY (user_id, kind)
);

-- The instant mail of each notification: pending until the mail worker sends it in a batch with its neighbours,
-- skips it (not an instant kind, nobody to write to) or gives up. Notifications from before mail existed are not
-- mailed now.
ALTER TABLE notifications
    ADD COLUMN mail_state    TEXT        NOT NULL DEFAULT 'skipped'
        CHECK (mail_state IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
    ADD COLUMN mail_attempts INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN mail_due_at   TIMESTAMPTZ;
ALTER TABLE notifications ALTER COLUMN mail_state SET DEFAULT 'pending';
CREATE INDEX notifications_mail_due_idx ON notifications (created_at) WHERE mail_state IN ('pending', 'sending');
