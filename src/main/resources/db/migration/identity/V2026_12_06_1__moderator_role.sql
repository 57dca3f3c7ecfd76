-- Moderators work the queue of reports: more than an artist, less than an admin.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('listener', 'artist', 'moderator', 'admin'));
