package fr.veza.identity.internal;

import fr.veza.platform.moderation.ReportableContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's profile reported as a whole (impersonation, a hateful bio): warned or suspended, never hidden. */
@Component
class ReportablePeople implements ReportableContent {

    private final JdbcClient jdbc;

    ReportablePeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "user";
    }

    @Override
    public Optional<Reported> visibleTo(UUID id, UUID viewerId) {
        return find(id, true);
    }

    @Override
    public Optional<Reported> forModerators(UUID id) {
        return find(id, false);
    }

    private Optional<Reported> find(UUID id, boolean activeOnly) {
        return jdbc.sql("SELECT id, username, display_name, bio, status, role FROM users"
                        + " WHERE id = :id AND deleted_at IS NULL" + (activeOnly ? " AND status = 'active'" : ""))
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> context = new LinkedHashMap<>();
                    context.put("username", rs.getString("username"));
                    context.put("display_name", rs.getString("display_name"));
                    context.put("status", rs.getString("status"));
                    context.put("role", rs.getString("role"));
                    return new Reported(id, rs.getString("username"), rs.getString("bio"), false, context);
                })
                .optional();
    }

    @Override
    public boolean hideable() {
        return false;
    }

    @Override
    public boolean hide(UUID id) {
        throw new UnsupportedOperationException("a person is warned or suspended, not hidden");
    }

    @Override
    public boolean restore(UUID id) {
        return false;
    }
}
