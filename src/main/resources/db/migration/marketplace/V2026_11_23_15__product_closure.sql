-- Products a seller's account closure unpublished; recovering the account publishes exactly these again, never the
-- ones the seller had unpublished themselves.
ALTER TABLE products ADD COLUMN unpublished_by_closure BOOLEAN NOT NULL DEFAULT false;
