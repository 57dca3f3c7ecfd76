package fr.veza.identity.internal;

import fr.veza.identity.UserDirectory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcUserDirectory implements UserDirectory {

    private static final String SELECT = """
            SELECT id, username, display_name, avatar FROM users
            WHERE deleted_at IS NULL AND status = 'active' AND id IN (:ids)
            """;

    private final JdbcClient jdbc;

    JdbcUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserSummary> find(UUID id) {
        return Optional.ofNullable(findAll(java.util.List.of(id)).get(id));
    }

    @Override
    public Map<UUID, UserSummary> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT)
                .param("ids", ids)
                .query((rs, n) -> new UserSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("avatar")))
                .list()
                .stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }
}
