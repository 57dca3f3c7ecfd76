-- PostgreSQL search: full-text vectors for ranking and prefixes, trigram indexes for typo tolerance.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- array_to_string is only STABLE (element output functions could depend on settings); for text[] it is not.
CREATE FUNCTION search_words(words TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN array_to_string(words, ' ');

ALTER TABLE tracks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(genre, '') || ' ' || search_words(tags)), 'B') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')) STORED;
CREATE INDEX tracks_search_idx ON tracks USING gin (search_vector) WHERE deleted_at IS NULL AND status = 'ready';
CREATE INDEX tracks_title_trgm_idx ON tracks USING gin (lower(title) gin_trgm_ops) WHERE deleted_at IS NULL AND status = 'ready';

ALTER TABLE users ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(username::text, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(display_name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(bio, '')), 'C')) STORED;
CREATE INDEX users_search_idx ON users USING gin (search_vector) WHERE deleted_at IS NULL;
CREATE INDEX users_name_trgm_idx ON users
    USING gin ((lower(username::text || ' ' || coalesce(display_name, ''))) gin_trgm_ops) WHERE deleted_at IS NULL;

ALTER TABLE playlists ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')) STORED;
CREATE INDEX playlists_search_idx ON playlists USING gin (search_vector);
CREATE INDEX playlists_title_trgm_idx ON playlists USING gin (lower(title) gin_trgm_ops);

-- word_similarity is costed like a trivial function, so on a few thousand users the planner prefers to compute it
-- on every row over the trigram index (tens of milliseconds per search). Its real cost makes the index win.
-- Only the extension's owner may change this; elsewhere the search still works, just slower on large tables.
DO $$
BEGIN
    ALTER FUNCTION word_similarity_op(text, text) COST 100;
    ALTER FUNCTION word_similarity_commutator_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm function costs left unchanged: %', SQLERRM;
END $$;
