package fr.veza.social.internal;

import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Comment insert(UUID id, UUID trackId, UUID authorId, String body) {
        return jdbc.sql("""
                        INSERT INTO track_comments (id, track_id, author_id, body) VALUES (:id, :track, :author, :body)
                        RETURNING id, track_id, author_id, body, created_at, hidden_at
                        """)
                .param("id", id)
                .param("track", trackId)
                .param("author", authorId)
                .param("body", body)
                .query(CommentRepository::map)
                .single();
    }

    Optional<Comment> find(UUID id) {
        return jdbc.sql(
                        "SELECT id, track_id, author_id, body, created_at, hidden_at FROM track_comments WHERE id = :id")
                .param("id", id)
                .query(CommentRepository::map)
                .optional();
    }

    /** A hidden comment is in its author's page only. */
    List<Comment> page(UUID trackId, UUID viewerId, Cursor after, int limit) {
        return jdbc.sql("SELECT id, track_id, author_id, body, created_at, hidden_at FROM track_comments"
                        + " WHERE track_id = :track AND NOT withheld_by_closure"
                        + " AND (hidden_at IS NULL OR author_id = :viewer)"
                        + (after == null ? "" : " AND (created_at, id) < (:at, :afterId)")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("track", trackId)
                .param("viewer", viewerId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(CommentRepository::map)
                .list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM track_comments WHERE id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Joins the caller's transaction; false when it was hidden already or is gone. */
    boolean hide(UUID id) {
        return jdbc.sql("UPDATE track_comments SET hidden_at = now() WHERE id = :id AND hidden_at IS NULL")
                        .param("id", id)
                        .update()
                > 0;
    }

    boolean restore(UUID id) {
        return jdbc.sql("UPDATE track_comments SET hidden_at = NULL WHERE id = :id AND hidden_at IS NOT NULL")
                        .param("id", id)
                        .update()
                > 0;
    }

    private static Comment map(ResultSet rs, int row) throws SQLException {
        return new Comment(
                rs.getObject("id", UUID.class),
                rs.getObject("track_id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("hidden_at") != null);
    }
}
