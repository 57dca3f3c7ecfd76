package fr.veza.catalog.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.platform.moderation.ReportableContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tracks people report; hiding one makes it private for everyone but its owner, as a takedown does. */
@Component
class ReportableTracks implements ReportableContent {

    private final JdbcClient jdbc;
    private final TrackCatalog catalog;
    private final JdbcTrackModeration moderation;

    ReportableTracks(JdbcClient jdbc, TrackCatalog catalog, JdbcTrackModeration moderation) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.moderation = moderation;
    }

    @Override
    public String type() {
        return "track";
    }

    @Override
    public Optional<Reported> visibleTo(UUID id, UUID viewerId) {
        return catalog.findVisible(id, new CurrentUser(viewerId, Role.LISTENER, null))
                .flatMap(visible -> forModerators(id));
    }

    @Override
    public Optional<Reported> forModerators(UUID id) {
        return jdbc.sql("""
                        SELECT owner_id, title, description, genre, visibility, status, hidden_at, taken_down_at
                        FROM tracks WHERE id = :id AND deleted_at IS NULL
                        """)
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> context = new LinkedHashMap<>();
                    context.put("genre", rs.getString("genre"));
                    context.put("visibility", rs.getString("visibility"));
                    context.put("status", rs.getString("status"));
                    context.put("taken_down", rs.getTimestamp("taken_down_at") != null);
                    return new Reported(
                            rs.getObject("owner_id", UUID.class),
                            rs.getString("title"),
                            rs.getString("description"),
                            rs.getTimestamp("hidden_at") != null,
                            context);
                })
                .optional();
    }

    @Override
    public boolean hide(UUID id) {
        return moderation.hide(id);
    }

    @Override
    public boolean restore(UUID id) {
        return moderation.unhide(id);
    }
}
