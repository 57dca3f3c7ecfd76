-- A person's music gear. warranty_notified_at marks the warning sent for the current warranty_end, so each end
-- date is warned about once; changing the end date clears it.
CREATE TABLE gear_items (
    id                   UUID        NOT NULL PRIMARY KEY,
    owner_id             UUID        NOT NULL REFERENCES users (id),
    name                 TEXT        NOT NULL,
    brand                TEXT,
    model                TEXT,
    category             TEXT,
    serial_number        TEXT,
    purchase_date        DATE,
    purchase_price_minor BIGINT      CHECK (purchase_price_minor >= 0),
    currency             CHAR(3),
    warranty_end         DATE,
    notes                TEXT,
    warranty_notified_at TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((purchase_price_minor IS NULL) = (currency IS NULL)),
    CHECK (warranty_end IS NULL OR purchase_date IS NULL OR warranty_end >= purchase_date)
);
CREATE INDEX gear_items_owner_idx ON gear_items (owner_id, created_at DESC, id DESC);
CREATE INDEX gear_items_warranty_idx ON gear_items (warranty_end) WHERE warranty_notified_at IS NULL;
