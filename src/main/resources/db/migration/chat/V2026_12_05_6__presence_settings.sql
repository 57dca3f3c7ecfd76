-- Presence as the person says it (away while Veza is open in the background), and whether others may see it.
ALTER TABLE chat_presence ADD COLUMN status TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'away'));
CREATE TABLE chat_settings (
    user_id       UUID    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    show_presence BOOLEAN NOT NULL DEFAULT TRUE
);
