package fr.veza.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppPasswordRepository {

    private static final String COLUMNS = "id, user_id, name, nonce, ciphertext, created_at, last_used_at";

    private final JdbcClient jdbc;

    AppPasswordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Row insert(UUID id, UUID userId, String name, AppPasswordCipher.Sealed sealed) {
        return jdbc.sql("INSERT INTO app_passwords (id, user_id, name, nonce, ciphertext) VALUES (:id, :user, :name,"
                        + " :nonce, :ciphertext) RETURNING " + COLUMNS)
                .param("id", id)
                .param("user", userId)
                .param("name", name)
                .param("nonce", sealed.nonce())
                .param("ciphertext", sealed.ciphertext())
                .query(AppPasswordRepository::map)
                .single();
    }

    /** The live app passwords of an account; a lock on the user row keeps the per-person cap exact. */
    int countLiveLocked(UUID userId) {
        jdbc.sql("SELECT 1 FROM users WHERE id = :user FOR UPDATE")
                .param("user", userId)
                .query(Integer.class)
                .optional();
        return jdbc.sql("SELECT count(*) FROM app_passwords WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    List<Row> live(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_passwords WHERE user_id = :user AND revoked_at IS NULL"
                        + " ORDER BY created_at, id")
                .param("user", userId)
                .query(AppPasswordRepository::map)
                .list();
    }

    boolean revoke(UUID userId, UUID id) {
        return jdbc.sql("UPDATE app_passwords SET revoked_at = now() WHERE id = :id AND user_id = :user"
                                + " AND revoked_at IS NULL")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                > 0;
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE app_passwords SET last_used_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getBytes("nonce"),
                rs.getBytes("ciphertext"),
                rs.getTimestamp("created_at").toInstant(),
                used == null ? null : used.toInstant());
    }

    record Row(
            UUID id,
            UUID userId,
            String name,
            byte[] nonce,
            byte[] ciphertext,
            Instant createdAt,
            Instant lastUsedAt) {}
}
