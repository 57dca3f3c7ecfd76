package fr.veza.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DecisionRepository {

    private static final String COLUMNS = "id, target_type, target_id, author_id, moderator_id, action, note,"
            + " suspended_until, created_at, appeal, appealed_at, appeal_outcome, appeal_decided_at";

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Decision insert(
            String targetType,
            UUID targetId,
            UUID authorId,
            UUID moderatorId,
            String action,
            String note,
            Instant suspendedUntil) {
        return jdbc.sql("INSERT INTO moderation_decisions"
                        + " (id, target_type, target_id, author_id, moderator_id, action, note, suspended_until)"
                        + " VALUES (:id, :type, :target, :author, :moderator, :action, :note, :until) RETURNING "
                        + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("type", targetType)
                .param("target", targetId)
                .param("author", authorId)
                .param("moderator", moderatorId)
                .param("action", action)
                .param("note", note)
                .param("until", suspendedUntil == null ? null : Timestamp.from(suspendedUntil))
                .query(DecisionRepository::map)
                .single();
    }

    Optional<Decision> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE id = :id")
                .param("id", id)
                .query(DecisionRepository::map)
                .optional();
    }

    Optional<Decision> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(DecisionRepository::map)
                .optional();
    }

    Map<UUID, Decision> findAll(List<UUID> ids) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(DecisionRepository::map)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Decision::id, d -> d));
    }

    List<Decision> about(String targetType, UUID targetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE target_type = :type"
                        + " AND target_id = :target ORDER BY created_at, id")
                .param("type", targetType)
                .param("target", targetId)
                .query(DecisionRepository::map)
                .list();
    }

    List<Decision> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit")
                .param("limit", limit)
                .query(DecisionRepository::map)
                .list();
    }

    List<Decision> byAuthor(UUID authorId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE author_id = :author"
                        + " AND action <> 'dismiss' ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("author", authorId)
                .param("limit", limit)
                .query(DecisionRepository::map)
                .list();
    }

    List<Decision> openAppeals(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions"
                        + " WHERE appealed_at IS NOT NULL AND appeal_outcome IS NULL ORDER BY appealed_at, id"
                        + " LIMIT :limit")
                .param("limit", limit)
                .query(DecisionRepository::map)
                .list();
    }

    boolean appeal(UUID id, String statement) {
        return jdbc.sql("UPDATE moderation_decisions SET appeal = :appeal, appealed_at = now()"
                                + " WHERE id = :id AND action = 'hide' AND appealed_at IS NULL")
                        .param("id", id)
                        .param("appeal", statement)
                        .update()
                == 1;
    }

    boolean decideAppeal(UUID id, String outcome, UUID moderatorId) {
        return jdbc.sql("UPDATE moderation_decisions SET appeal_outcome = :outcome, appeal_decided_by = :moderator,"
                                + " appeal_decided_at = now() WHERE id = :id AND appealed_at IS NOT NULL"
                                + " AND appeal_outcome IS NULL")
                        .param("id", id)
                        .param("outcome", outcome)
                        .param("moderator", moderatorId)
                        .update()
                == 1;
    }

    /** Suspensions for a period whose end has come, oldest first. */
    List<Decision> suspensionsEnded(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_decisions WHERE suspended_until <= :now"
                        + " AND suspension_ended_at IS NULL ORDER BY suspended_until, id LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(DecisionRepository::map)
                .list();
    }

    boolean markSuspensionEnded(UUID id) {
        return jdbc.sql("UPDATE moderation_decisions SET suspension_ended_at = now()"
                                + " WHERE id = :id AND suspension_ended_at IS NULL")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The person is no longer named in decisions, nor their own words of appeal kept. */
    Map<String, Integer> anonymise(UUID userId) {
        int authored = jdbc.sql(
                        "UPDATE moderation_decisions SET author_id = NULL, appeal = NULL WHERE author_id = :user")
                .param("user", userId)
                .update();
        int decided = jdbc.sql("UPDATE moderation_decisions SET moderator_id = NULL WHERE moderator_id = :user")
                .param("user", userId)
                .update();
        int appeals = jdbc.sql(
                        "UPDATE moderation_decisions SET appeal_decided_by = NULL WHERE appeal_decided_by = :user")
                .param("user", userId)
                .update();
        return Map.of("moderation_decisions_about", authored, "moderation_decisions_by", decided + appeals);
    }

    private static Decision map(ResultSet rs, int row) throws SQLException {
        return new Decision(
                rs.getObject("id", UUID.class),
                rs.getString("target_type"),
                rs.getObject("target_id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getObject("moderator_id", UUID.class),
                rs.getString("action"),
                rs.getString("note"),
                instant(rs.getTimestamp("suspended_until")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("appeal"),
                instant(rs.getTimestamp("appealed_at")),
                rs.getString("appeal_outcome"),
                instant(rs.getTimestamp("appeal_decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
