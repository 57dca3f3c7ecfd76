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

    private final UserRepository users;

    JdbcUserDirectory(JdbcClient jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public Optional<Profile> findProfile(String username) {
        if (username == null || username.length() > 30 || username.contains("@")) {
            return Optional.empty();
        }
        return users.findByLogin(username)
                .filter(user -> user.username().equalsIgnoreCase(username))
                .filter(user -> user.status() == UserRecord.AccountStatus.ACTIVE)
                .map(user -> new Profile(
                        user.id(),
                        user.username(),
                        user.displayName(),
                        user.bio(),
                        user.location(),
                        user.avatarUrl(),
                        user.bannerUrl(),
                        user.website(),
                        user.links(),
                        user.role()));
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
