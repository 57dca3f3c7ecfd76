package fr.veza.library.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.library.PlaylistCatalog;
import fr.veza.library.PlaylistSummary;
import java.sql.Types;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcPlaylistCatalog implements PlaylistCatalog {

    private final JdbcClient jdbc;

    JdbcPlaylistCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, PlaylistSummary> findVisible(Collection<UUID> playlistIds, CurrentUser viewer) {
        if (playlistIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        SELECT p.id, p.title, p.description, p.visibility, p.track_count, p.updated_at,
                               u.id AS owner_id, u.username::text AS username, u.display_name
                        FROM playlists p JOIN users u ON u.id = p.owner_id
                        WHERE p.id = ANY(:ids) AND u.deleted_at IS NULL
                          AND (p.owner_id = :viewer OR (p.visibility = 'public' AND u.status = 'active'))
                        """)
                .param("ids", playlistIds.toArray(UUID[]::new))
                .param("viewer", viewer == null ? null : viewer.id(), Types.OTHER)
                .query((rs, row) -> new PlaylistSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("visibility"),
                        rs.getInt("track_count"),
                        new PlaylistSummary.Owner(
                                rs.getObject("owner_id", UUID.class),
                                rs.getString("username"),
                                rs.getString("display_name")),
                        rs.getTimestamp("updated_at").toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(PlaylistSummary::id, Function.identity()));
    }
}
