-- Likes, follows and reposts are rows whose existence is the fact; the counters beside them change only in the
-- transaction that inserted or deleted such a row, so concurrent toggles can never make them drift.
CREATE TABLE track_likes (
    user_id    UUID        NOT NULL REFERENCES users (id),
    track_id   UUID        NOT NULL REFERENCES tracks (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (track_id, user_id)
);
CREATE INDEX track_likes_user_idx ON track_likes (user_id, created_at DESC);

CREATE TABLE track_like_counts (
    track_id UUID   NOT NULL PRIMARY KEY REFERENCES tracks (id),
    likes    BIGINT NOT NULL DEFAULT 0 CHECK (likes >= 0)
);

CREATE TABLE user_follows (
    follower_id  UUID        NOT NULL REFERENCES users (id),
    following_id UUID        NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (follower_id, following_id),
    CONSTRAINT user_follows_not_self CHECK (follower_id <> following_id)
);
CREATE INDEX user_follows_following_idx ON user_follows (following_id, created_at DESC);

CREATE TABLE user_follow_counts (
    user_id   UUID   NOT NULL PRIMARY KEY REFERENCES users (id),
    followers BIGINT NOT NULL DEFAULT 0 CHECK (followers >= 0),
    following BIGINT NOT NULL DEFAULT 0 CHECK (following >= 0)
);

CREATE TABLE track_reposts (
    user_id    UUID        NOT NULL REFERENCES users (id),
    track_id   UUID        NOT NULL REFERENCES tracks (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, track_id)
);
CREATE INDEX track_reposts_feed_idx ON track_reposts (user_id, created_at DESC);

CREATE TABLE track_comments (
    id         UUID        NOT NULL PRIMARY KEY,
    track_id   UUID        NOT NULL REFERENCES tracks (id),
    author_id  UUID        NOT NULL REFERENCES users (id),
    body       TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX track_comments_track_idx ON track_comments (track_id, created_at DESC, id DESC);
CREATE INDEX track_comments_author_idx ON track_comments (author_id);

-- The feed reads followed artists' tracks newest first.
CREATE INDEX tracks_feed_idx ON tracks (owner_id, ready_at DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'ready' AND visibility = 'public';
