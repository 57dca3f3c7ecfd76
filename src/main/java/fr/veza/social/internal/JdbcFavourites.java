package fr.veza.social.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.social.Favourites;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Toggles go through {@link SocialService} (its rules and events); reads are one query each. */
@Component
class JdbcFavourites implements Favourites {

    private final SocialService social;
    private final JdbcClient jdbc;

    JdbcFavourites(SocialService social, JdbcClient jdbc) {
        this.social = social;
        this.jdbc = jdbc;
    }

    @Override
    public void like(CurrentUser user, UUID trackId) {
        social.like(user, trackId);
    }

    @Override
    public void unlike(CurrentUser user, UUID trackId) {
        social.unlike(user, trackId);
    }

    @Override
    public void follow(CurrentUser user, UUID artistId) {
        if (!user.id().equals(artistId)) {
            social.follow(user, artistId);
        }
    }

    @Override
    public void unfollow(CurrentUser user, UUID artistId) {
        social.unfollow(user, artistId);
    }

    @Override
    public Map<UUID, Instant> likedAmong(UUID userId, Collection<UUID> trackIds) {
        return among(
                "SELECT track_id AS id, created_at FROM track_likes WHERE user_id = :user AND track_id = ANY(:ids)",
                userId,
                trackIds);
    }

    @Override
    public Map<UUID, Instant> followedAmong(UUID userId, Collection<UUID> artistIds) {
        return among(
                "SELECT following_id AS id, created_at FROM user_follows"
                        + " WHERE follower_id = :user AND following_id = ANY(:ids)",
                userId,
                artistIds);
    }

    @Override
    public List<Favourite> likes(UUID userId, int limit) {
        return list(
                "SELECT track_id AS id, created_at FROM track_likes WHERE user_id = :user"
                        + " ORDER BY created_at DESC, track_id DESC LIMIT :limit",
                userId,
                limit);
    }

    @Override
    public List<Favourite> follows(UUID userId, int limit) {
        return list(
                "SELECT following_id AS id, created_at FROM user_follows WHERE follower_id = :user"
                        + " ORDER BY created_at DESC, following_id DESC LIMIT :limit",
                userId,
                limit);
    }

    private Map<UUID, Instant> among(String sql, UUID userId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(sql)
                .param("user", userId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(JdbcFavourites::row)
                .list()
                .stream()
                .collect(Collectors.toMap(Favourite::id, Favourite::since));
    }

    private List<Favourite> list(String sql, UUID userId, int limit) {
        return jdbc.sql(sql)
                .param("user", userId)
                .param("limit", limit)
                .query(JdbcFavourites::row)
                .list();
    }

    private static Favourite row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Favourite(
                rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}
