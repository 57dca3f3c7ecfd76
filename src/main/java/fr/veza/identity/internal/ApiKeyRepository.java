package fr.veza.identity.internal;

import fr.veza.identity.ApiScope;
import fr.veza.identity.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private static final String COLUMNS =
            "k.id, k.user_id, k.name, k.prefix, k.scopes, k.created_at, k.last_used_at, k.expires_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id, UUID userId, String name, String prefix, byte[] hash, Set<ApiScope> scopes, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, expires_at)
                        VALUES (:id, :user, :name, :prefix, :hash, :scopes, :expires)
                        """)
                .param("id", id)
                .param("user", userId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("scopes", scopes.stream().map(ApiScope::value).toArray(String[]::new))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    int countLive(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) FROM api_keys
                        WHERE user_id = :user AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                        """).param("user", userId).query(Integer.class).single();
    }

    List<ApiKey> live(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys k WHERE k.user_id = :user AND k.revoked_at IS NULL"
                        + " ORDER BY k.created_at DESC")
                .param("user", userId)
                .query(this::map)
                .list();
    }

    Optional<ApiKey> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys k WHERE k.id = :id AND k.revoked_at IS NULL")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The key with this hash if it is live and its owner active, with the owner's current role. */
    Optional<KeyHolder> authenticate(byte[] hash) {
        return jdbc.sql("SELECT " + COLUMNS + ", u.role FROM api_keys k JOIN users u ON u.id = k.user_id"
                        + " WHERE k.key_hash = :hash AND k.revoked_at IS NULL"
                        + " AND (k.expires_at IS NULL OR k.expires_at > now())"
                        + " AND u.status = 'active' AND u.deleted_at IS NULL")
                .param("hash", hash)
                .query((rs, n) -> new KeyHolder(map(rs, n), Role.of(rs.getString("role"))))
                .optional();
    }

    boolean revoke(UUID userId, UUID id) {
        return jdbc.sql(
                                "UPDATE api_keys SET revoked_at = now() WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    void touch(UUID id) {
        jdbc.sql("UPDATE api_keys SET last_used_at = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes(rs.getArray("scopes")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("expires_at")));
    }

    private static Set<ApiScope> scopes(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray())
                .map(ApiScope::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiScope.class)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record KeyHolder(ApiKey key, Role role) {}
}
