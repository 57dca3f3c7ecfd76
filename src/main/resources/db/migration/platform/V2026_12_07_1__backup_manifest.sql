-- What the backup worker copied to each backup target (named by the id file it keeps there). A source object whose
-- size or modification time differs from its row is copied again; the checksum is checked on both sides at copy,
-- again by the rolling verification, and at restore. An object gone from the store is marked missing and leaves
-- the backup after the retention.
CREATE TABLE backup_objects (
    target          text        NOT NULL,
    key             text        NOT NULL,
    size            bigint      NOT NULL,
    source_modified timestamptz NOT NULL,
    sha256          text        NOT NULL,
    copied_at       timestamptz NOT NULL,
    verified_at     timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    missing_since   timestamptz,
    PRIMARY KEY (target, key)
);

CREATE INDEX backup_objects_missing ON backup_objects (target, missing_since) WHERE missing_since IS NOT NULL;
CREATE INDEX backup_objects_verification ON backup_objects (target, verified_at);
