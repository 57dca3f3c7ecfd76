package fr.veza.privacy.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code account_erasures}: what is left to clean outside PostgreSQL for each erased account. */
@Repository
class ErasureRepository {

    static final String CACHE = "cache";
    static final String SEARCH = "search";

    private final JdbcClient jdbc;

    ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, Instant at, List<UUID> trackIds, List<UUID> playlistIds) {
        jdbc.sql("""
                        INSERT INTO account_erasures (user_id, erased_at, track_ids, playlist_ids, pending_stores)
                        VALUES (:user, :at, :tracks, :playlists, ARRAY['cache', 'search'])
                        ON CONFLICT (user_id) DO NOTHING
                        """)
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .param("tracks", trackIds.toArray(UUID[]::new))
                .param("playlists", playlistIds.toArray(UUID[]::new))
                .update();
    }

    /** Erasures with a store still to clean, least recently tried first. */
    List<Erasure> pending(int limit) {
        return jdbc.sql("""
                        SELECT user_id, track_ids, playlist_ids, pending_stores, attempts FROM account_erasures
                        WHERE cardinality(pending_stores) > 0 ORDER BY updated_at LIMIT :limit
                        """).param("limit", limit).query(this::map).list();
    }

    void recordAttempt(UUID userId, List<String> stillPending, String error) {
        jdbc.sql("""
                        UPDATE account_erasures SET pending_stores = :pending, attempts = attempts + 1,
                               last_error = :error, updated_at = now()
                        WHERE user_id = :user
                        """)
                .param("user", userId)
                .param("pending", stillPending.toArray(String[]::new))
                .param("error", error)
                .update();
    }

    private Erasure map(ResultSet rs, int row) throws SQLException {
        return new Erasure(
                rs.getObject("user_id", UUID.class),
                uuids(rs.getArray("track_ids")),
                uuids(rs.getArray("playlist_ids")),
                Arrays.asList((String[]) rs.getArray("pending_stores").getArray()),
                rs.getInt("attempts"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    record Erasure(
            UUID userId, List<UUID> trackIds, List<UUID> playlistIds, List<String> pendingStores, int attempts) {}
}
