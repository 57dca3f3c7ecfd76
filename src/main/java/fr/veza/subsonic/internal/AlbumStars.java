package fr.veza.subsonic.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The albums a person starred in a player: exported, erased with the account. */
@Component
public class AlbumStars implements PersonalData {

    private static final int MAX_LISTED = 1_000;

    private final JdbcClient jdbc;

    AlbumStars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void star(UUID userId, UUID albumId) {
        jdbc.sql("INSERT INTO subsonic_album_stars (user_id, album_id) VALUES (:user, :album) ON CONFLICT DO NOTHING")
                .param("user", userId)
                .param("album", albumId)
                .update();
    }

    public void unstar(UUID userId, UUID albumId) {
        jdbc.sql("DELETE FROM subsonic_album_stars WHERE user_id = :user AND album_id = :album")
                .param("user", userId)
                .param("album", albumId)
                .update();
    }

    /** The person's starred albums, most recent first. */
    public Map<UUID, Instant> starred(UUID userId) {
        Map<UUID, Instant> starred = new LinkedHashMap<>();
        jdbc.sql("SELECT album_id, starred_at FROM subsonic_album_stars WHERE user_id = :user"
                        + " ORDER BY starred_at DESC, album_id LIMIT :limit")
                .param("user", userId)
                .param("limit", MAX_LISTED)
                .query(rs -> {
                    starred.put(
                            rs.getObject("album_id", UUID.class),
                            rs.getTimestamp("starred_at").toInstant());
                });
        return starred;
    }

    public Map<UUID, Instant> among(UUID userId, Collection<UUID> albumIds) {
        if (albumIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT album_id, starred_at FROM subsonic_album_stars"
                        + " WHERE user_id = :user AND album_id = ANY(:ids)")
                .param("user", userId)
                .param("ids", albumIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(
                        rs.getObject("album_id", UUID.class),
                        rs.getTimestamp("starred_at").toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        files.rows(
                "album_stars.json",
                "Albums you starred in a music app (album ids as the Subsonic API gives them, with 'al-' before).",
                "SELECT album_id, starred_at FROM subsonic_album_stars WHERE user_id = :user ORDER BY starred_at",
                Map.of("user", userId));
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        int deleted = jdbc.sql("DELETE FROM subsonic_album_stars WHERE user_id = :user")
                .param("user", userId)
                .update();
        return Map.of("album_stars", deleted);
    }
}
