package fr.veza.identity.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in {@code users}, {@code user_profiles} and {@code user_settings}. Deleted accounts are never returned. */
@Repository
class UserRepository {

    private static final String SELECT_USER = """
            SELECT u.id, u.email, u.username, u.display_name, u.first_name, u.last_name, u.bio, u.location,
                   u.avatar, u.banner_url, u.role, u.status, u.password_hash, u.created_at, u.updated_at,
                   u.email_verified_at, p.website, p.pronouns, p.links::text AS links
            FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id
            """;
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<UserRecord> mapper = this::map;

    UserRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String email, String username, String passwordHash, Role role) {
        jdbc.sql("""
                        INSERT INTO users (id, email, username, display_name, password_hash, role)
                        VALUES (:id, :email, :username, :username, :hash, :role)
                        """)
                .param("id", id)
                .param("email", email)
                .param("username", username)
                .param("hash", passwordHash)
                .param("role", role.value())
                .update();
        jdbc.sql("INSERT INTO user_profiles (user_id) VALUES (:id)")
                .param("id", id)
                .update();
        jdbc.sql("INSERT INTO user_settings (user_id) VALUES (:id)")
                .param("id", id)
                .update();
    }

    /** For admins: a prefix of the username or email, or words of the display name; newest first. */
    List<UserRecord> searchForAdmin(String query, int limit) {
        String like = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql(SELECT_USER + """
                         WHERE u.deleted_at IS NULL AND (:q = '' OR u.username ILIKE :prefix OR u.email ILIKE :prefix
                               OR u.display_name ILIKE :anywhere)
                        ORDER BY u.created_at DESC, u.id LIMIT :limit
                        """)
                .param("q", query)
                .param("prefix", like + "%")
                .param("anywhere", "%" + like + "%")
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    Optional<UserRecord> findById(UUID id) {
        return jdbc.sql(SELECT_USER + " WHERE u.id = :id AND u.deleted_at IS NULL")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    /** By email or username, both compared without regard to case. */
    Optional<UserRecord> findByLogin(String login) {
        return jdbc.sql(
                        SELECT_USER
                                + " WHERE (u.email = CAST(:login AS citext) OR u.username = CAST(:login AS citext)) AND u.deleted_at IS NULL")
                .param("login", login.trim())
                .query(mapper)
                .optional();
    }

    boolean emailExists(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email = CAST(:email AS citext))")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    boolean usernameExists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE username = CAST(:username AS citext))")
                .param("username", username)
                .query(Boolean.class)
                .single();
    }

    void updateProfile(UserRecord user) {
        jdbc.sql("""
                        UPDATE users SET display_name = :displayName, first_name = :firstName, last_name = :lastName,
                               bio = :bio, location = :location, avatar = :avatar, banner_url = :banner,
                               updated_at = now()
                        WHERE id = :id AND deleted_at IS NULL
                        """)
                .param("id", user.id())
                .param("displayName", user.displayName())
                .param("firstName", user.firstName())
                .param("lastName", user.lastName())
                .param("bio", user.bio())
                .param("location", user.location())
                .param("avatar", user.avatarUrl())
                .param("banner", user.bannerUrl())
                .update();
        jdbc.sql("""
                        UPDATE user_profiles SET website = :website, pronouns = :pronouns,
                               links = CAST(:links AS jsonb), updated_at = now()
                        WHERE user_id = :id
                        """)
                .param("id", user.id())
                .param("website", user.website())
                .param("pronouns", user.pronouns())
                .param("links", toJson(user.links()))
                .update();
    }

    /** Changes the role only if it is still {@code from}: a concurrent change makes this return false. */
    boolean changeRole(UUID id, Role from, Role to) {
        return jdbc.sql("""
                        UPDATE users SET role = :to, updated_at = now()
                        WHERE id = :id AND role = :from AND deleted_at IS NULL
                        """)
                        .param("id", id)
                        .param("from", from.value())
                        .param("to", to.value())
                        .update()
                == 1;
    }

    /** Admins that are active, counted under a lock so two demotions cannot both remove "the other" admin. */
    int lockActiveAdmins() {
        return jdbc.sql("""
                        SELECT id FROM users WHERE role = 'admin' AND status = 'active' AND deleted_at IS NULL
                        FOR UPDATE
                        """).query(UUID.class).list().size();
    }

    /** The new address, confirmed by the mail it received; false when another account took it meanwhile. */
    boolean changeEmail(UUID id, String email, java.time.Instant at) {
        try {
            return jdbc.sql(
                                    "UPDATE users SET email = :email, email_verified_at = :at, updated_at = now() WHERE id = :id")
                            .param("id", id)
                            .param("email", email)
                            .param("at", java.sql.Timestamp.from(at))
                            .update()
                    > 0;
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return false;
        }
    }

    void markEmailVerified(UUID id, java.time.Instant at) {
        jdbc.sql("UPDATE users SET email_verified_at = :at WHERE id = :id AND email_verified_at IS NULL")
                .param("id", id)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    void updatePasswordHash(UUID id, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("hash", hash)
                .update();
    }

    private UserRecord map(ResultSet rs, int row) throws SQLException {
        return new UserRecord(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("bio"),
                rs.getString("location"),
                rs.getString("avatar"),
                rs.getString("banner_url"),
                rs.getString("website"),
                rs.getString("pronouns"),
                fromJson(rs.getString("links")),
                Role.of(rs.getString("role")),
                UserRecord.AccountStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("password_hash"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("email_verified_at") == null
                        ? null
                        : rs.getTimestamp("email_verified_at").toInstant());
    }

    private List<String> fromJson(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("user_profiles.links is not a JSON array of strings", e);
        }
    }

    private String toJson(List<String> links) {
        try {
            return json.writeValueAsString(links == null ? List.of() : links);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
