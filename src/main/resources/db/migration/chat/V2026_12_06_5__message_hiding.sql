-- A message hidden by moderators keeps its place; its text is for its author only.
ALTER TABLE chat_messages ADD COLUMN hidden_at TIMESTAMPTZ;
