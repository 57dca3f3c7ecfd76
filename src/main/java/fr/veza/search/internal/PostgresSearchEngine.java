package fr.veza.search.internal;

import fr.veza.catalog.PublicTracks;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search in PostgreSQL, with nothing to set up. Candidates come from three indexes: the full-text vector
 * (prefixes: "radi" finds "Radiohead"), trigrams of the title and trigrams of the artist's name (typos:
 * "radiohed" finds "Radiohead"). They are ranked by text rank, then trigram closeness, then a little by plays.
 */
@Component
class PostgresSearchEngine implements SearchEngine {

    private static final String USER_NAME = "lower(u.username::text || ' ' || coalesce(u.display_name, ''))";

    /** How many matches each index contributes before ranking (more when paging deeper). */
    static final int DEPTH = 300;

    private final JdbcClient jdbc;

    PostgresSearchEngine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<UUID> search(SearchQuery query) {
        String sql = switch (query.type()) {
            case TRACKS -> TRACKS;
            case USERS -> USERS;
            case PLAYLISTS -> PLAYLISTS;
        };
        return jdbc.sql(sql)
                .param("tsq", prefixQuery(query.words()))
                .param("q", query.normalized())
                .param("viewer", query.viewerId(), Types.OTHER)
                .param("limit", query.limit() + 1)
                .param("offset", query.offset())
                .param("depth", Math.max(DEPTH, query.offset() + query.limit() + 1))
                .query(UUID.class)
                .list();
    }

    /** Every word as a prefix, all required: {@code radio:* & head:*}. Words hold only letters and digits. */
    static String prefixQuery(List<String> words) {
        return words.stream().map(word -> word + ":*").collect(Collectors.joining(" & "));
    }

    /**
     * Each index contributes its best {@code :depth} matches by its own score, so a common word costs a bounded
     * amount of ranking work however many tracks contain it; the union is then ranked by the summed scores and a
     * little by plays, and filtered to what the viewer may see. Two shortcuts keep common words cheap: the title
     * trigrams (typos) are searched only when the words themselves found fewer tracks than the page needs, since
     * exact matches outrank typo matches anyway; and an artist's name contributes the tracks of the best-matching
     * artists first, stopping at {@code :depth} tracks rather than reading every matching artist's catalogue.
     */
    private static final String TRACKS = """
            WITH words AS MATERIALIZED (
                SELECT id, ts_rank(search_vector, to_tsquery('simple', :tsq)) * 2 AS score FROM tracks
                WHERE search_vector @@ to_tsquery('simple', :tsq) AND deleted_at IS NULL AND status = 'ready'
                ORDER BY score DESC LIMIT :depth),
            matched AS (
                SELECT id, score FROM words
                UNION ALL
                (SELECT id, word_similarity(:q, lower(title)) AS score FROM tracks
                 WHERE :q <% lower(title) AND deleted_at IS NULL AND status = 'ready'
                   AND (SELECT count(*) FROM words) < :limit + :offset
                 ORDER BY score DESC LIMIT :depth)
                UNION ALL
                (SELECT t.id, a.score FROM (
                     SELECT u.id, 0.5 * word_similarity(:q, $USER_NAME) AS score FROM users u
                     WHERE :q <% $USER_NAME AND u.deleted_at IS NULL
                     ORDER BY score DESC, u.id LIMIT :depth) a
                 CROSS JOIN LATERAL (SELECT t.id FROM tracks t
                                     WHERE t.owner_id = a.id AND t.deleted_at IS NULL AND t.status = 'ready'
                                     LIMIT :depth) t
                 ORDER BY a.score DESC LIMIT :depth)
            ),
            ranked AS (SELECT id, sum(score) AS score FROM matched GROUP BY id)
            SELECT t.id FROM ranked r
            JOIN tracks t ON t.id = r.id
            WHERE t.owner_id = CAST(:viewer AS uuid) OR ($LISTED)
            ORDER BY r.score + 0.02 * ln(1 + t.play_count) DESC, t.id
            LIMIT :limit OFFSET :offset
            """.replace("$USER_NAME", USER_NAME).replace("$LISTED", PublicTracks.LISTED);

    private static final String USERS = """
            WITH candidates AS (
                SELECT id FROM users u
                WHERE u.search_vector @@ to_tsquery('simple', :tsq) AND u.deleted_at IS NULL
                UNION
                SELECT id FROM users u
                WHERE :q <% $USER_NAME AND u.deleted_at IS NULL
            )
            SELECT u.id FROM candidates c
            JOIN users u ON u.id = c.id
            WHERE u.status = 'active' AND u.deleted_at IS NULL
            ORDER BY ts_rank(u.search_vector, to_tsquery('simple', :tsq)) * 2
                     + word_similarity(:q, $USER_NAME) DESC,
                     u.id
            LIMIT :limit OFFSET :offset
            """.replace("$USER_NAME", USER_NAME);

    private static final String PLAYLISTS = """
            WITH candidates AS (
                SELECT id FROM playlists WHERE search_vector @@ to_tsquery('simple', :tsq)
                UNION
                SELECT id FROM playlists WHERE :q <% lower(title)
            )
            SELECT p.id FROM candidates c
            JOIN playlists p ON p.id = c.id
            JOIN users u ON u.id = p.owner_id
            WHERE p.owner_id = CAST(:viewer AS uuid)
               OR (p.visibility = 'public' AND u.status = 'active' AND u.deleted_at IS NULL)
            ORDER BY ts_rank(p.search_vector, to_tsquery('simple', :tsq)) * 2
                     + word_similarity(:q, lower(p.title)) DESC,
                     p.id
            LIMIT :limit OFFSET :offset
            """.replace("$USER_NAME", USER_NAME);
}
