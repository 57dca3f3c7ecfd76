package fr.veza.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The index's documents, read from PostgreSQL as they are now. A row that should not be findable by anyone
 * (deleted, not ready, its owner suspended) has no document, and its document is removed. Private tracks
 * and playlists are indexed with their owner, for whom alone the engine returns them.
 */
@Component
class SearchDocuments {

    private static final String TRACKS = """
            SELECT t.id, t.title, t.genre, t.tags, t.description, t.owner_id, t.visibility, t.play_count,
                   t.created_at, coalesce(u.display_name, u.username::text) AS artist
            FROM tracks t JOIN users u ON u.id = t.owner_id
            WHERE t.deleted_at IS NULL AND t.status = 'ready' AND u.status = 'active'
            """;
    private static final String USERS = """
            SELECT id, username::text AS username, display_name, bio, created_at FROM users
            WHERE deleted_at IS NULL AND status = 'active'
            """;
    private static final String PLAYLISTS = """
            SELECT p.id, p.title, p.description, p.owner_id, p.visibility, p.created_at,
                   coalesce(u.display_name, u.username::text) AS owner
            FROM playlists p JOIN users u ON u.id = p.owner_id
            WHERE u.deleted_at IS NULL AND u.status = 'active'
            """;

    private final JdbcClient jdbc;

    SearchDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Documents read at one moment, with that moment as their version. Two listeners may sync the same row at once
     * (a track made ready, then renamed): the index keeps the later read whichever write arrives last.
     */
    record Read(long version, Map<UUID, Map<String, Object>> documents) {}

    /** The documents among {@code ids}; ids without a document are absent from the map. */
    Read find(SearchType type, List<UUID> ids) {
        long version = version();
        Map<UUID, Map<String, Object>> documents = new LinkedHashMap<>();
        jdbc.sql(select(type) + " AND " + alias(type) + "id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    documents.put(rs.getObject("id", UUID.class), document(type, rs));
                });
        return new Read(version, documents);
    }

    /** A batch of documents in id order after {@code after}, for a full reindex. */
    Read batch(SearchType type, UUID after, int size) {
        long version = version();
        Map<UUID, Map<String, Object>> documents = new LinkedHashMap<>();
        jdbc.sql(select(type) + " AND (CAST(:after AS uuid) IS NULL OR " + alias(type) + "id > :after) ORDER BY "
                        + alias(type) + "id LIMIT :size")
                .param("after", after, java.sql.Types.OTHER)
                .param("size", size)
                .query(rs -> {
                    documents.put(rs.getObject("id", UUID.class), document(type, rs));
                });
        return new Read(version, documents);
    }

    /**
     * The database's clock in microseconds, taken before the rows are read (in read committed, the next
     * statement's snapshot is at least as new), so a later version never holds an older state. One clock for
     * every instance.
     */
    private long version() {
        return jdbc.sql("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint")
                .query(Long.class)
                .single();
    }

    /** The ids of the tracks and playlists of one owner, whose documents carry the owner's name. */
    List<UUID> ownedBy(SearchType type, UUID ownerId) {
        String table = type == SearchType.TRACKS ? "tracks" : "playlists";
        return jdbc.sql("SELECT id FROM " + table + " WHERE owner_id = :owner")
                .param("owner", ownerId)
                .query(UUID.class)
                .list();
    }

    private static String select(SearchType type) {
        return switch (type) {
            case TRACKS -> TRACKS;
            case USERS -> USERS;
            case PLAYLISTS -> PLAYLISTS;
        };
    }

    private static String alias(SearchType type) {
        return switch (type) {
            case TRACKS -> "t.";
            case USERS -> "";
            case PLAYLISTS -> "p.";
        };
    }

    private static Map<String, Object> document(SearchType type, ResultSet rs) throws SQLException {
        Map<String, Object> document = new LinkedHashMap<>();
        switch (type) {
            case TRACKS -> {
                document.put("title", rs.getString("title"));
                document.put("artist", rs.getString("artist"));
                document.put("genre", rs.getString("genre"));
                document.put(
                        "tags", Arrays.asList((String[]) rs.getArray("tags").getArray()));
                document.put("description", rs.getString("description"));
                document.put("owner_id", rs.getObject("owner_id", UUID.class).toString());
                document.put("visibility", rs.getString("visibility"));
                document.put("play_count", rs.getLong("play_count"));
            }
            case USERS -> {
                document.put("username", rs.getString("username"));
                document.put("display_name", rs.getString("display_name"));
                document.put("bio", rs.getString("bio"));
            }
            case PLAYLISTS -> {
                document.put("title", rs.getString("title"));
                document.put("description", rs.getString("description"));
                document.put("owner", rs.getString("owner"));
                document.put("owner_id", rs.getObject("owner_id", UUID.class).toString());
                document.put("visibility", rs.getString("visibility"));
            }
        }
        document.put("created_at", rs.getTimestamp("created_at").toInstant().toString());
        return document;
    }
}
