package fr.veza.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

    private static final String COLUMNS =
            "id, reporter_id, target_type, target_id, reason, details, created_at, decision_id, resolved_at";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a duplicate key when the person has an open report about this target already. */
    Report insert(UUID reporterId, String targetType, UUID targetId, String reason, String details) {
        return jdbc.sql("INSERT INTO moderation_reports (id, reporter_id, target_type, target_id, reason, details)"
                        + " VALUES (:id, :reporter, :type, :target, :reason, :details) RETURNING " + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("reporter", reporterId)
                .param("type", targetType)
                .param("target", targetId)
                .param("reason", reason)
                .param("details", details)
                .query(ReportRepository::map)
                .single();
    }

    Optional<Report> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_reports WHERE id = :id")
                .param("id", id)
                .query(ReportRepository::map)
                .optional();
    }

    /** The open reports about a target, oldest first, locked so that two moderators never decide them twice. */
    List<Report> lockOpen(String targetType, UUID targetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_reports WHERE target_type = :type"
                        + " AND target_id = :target AND resolved_at IS NULL ORDER BY created_at, id FOR UPDATE")
                .param("type", targetType)
                .param("target", targetId)
                .query(ReportRepository::map)
                .list();
    }

    /** Every report about a target, oldest first. */
    List<Report> about(String targetType, UUID targetId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_reports WHERE target_type = :type"
                        + " AND target_id = :target ORDER BY created_at, id LIMIT :limit")
                .param("type", targetType)
                .param("target", targetId)
                .param("limit", limit)
                .query(ReportRepository::map)
                .list();
    }

    int resolve(List<UUID> ids, UUID decisionId) {
        return jdbc.sql("UPDATE moderation_reports SET decision_id = :decision, resolved_at = now()"
                        + " WHERE id = ANY(:ids) AND resolved_at IS NULL")
                .param("decision", decisionId)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /** The targets with open reports, the longest waiting first. */
    List<Target> openTargets(int limit) {
        return jdbc.sql("""
                        SELECT target_type, target_id, count(*) AS reports, min(created_at) AS oldest
                        FROM moderation_reports WHERE resolved_at IS NULL
                        GROUP BY target_type, target_id ORDER BY oldest, target_id LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Target(
                        rs.getString("target_type"),
                        rs.getObject("target_id", UUID.class),
                        rs.getInt("reports"),
                        rs.getTimestamp("oldest").toInstant()))
                .list();
    }

    List<Report> byReporter(UUID reporterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_reports WHERE reporter_id = :reporter"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("reporter", reporterId)
                .param("limit", limit)
                .query(ReportRepository::map)
                .list();
    }

    /** How many reports are open and since when the oldest waits (null when none). */
    Backlog backlog() {
        return jdbc.sql("SELECT count(*) AS open, min(created_at) AS oldest FROM moderation_reports"
                        + " WHERE resolved_at IS NULL")
                .query((rs, n) -> new Backlog(
                        rs.getInt("open"),
                        rs.getTimestamp("oldest") == null
                                ? null
                                : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    /** Marks the open reports older than {@code before} that nobody was told of yet, and returns them. */
    List<UUID> markOverdue(Instant before, int limit) {
        return jdbc.sql("""
                        UPDATE moderation_reports SET sla_notified_at = now()
                        WHERE id IN (SELECT id FROM moderation_reports
                                     WHERE resolved_at IS NULL AND sla_notified_at IS NULL AND created_at < :before
                                     ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    int deleteByReporter(UUID reporterId) {
        return jdbc.sql("DELETE FROM moderation_reports WHERE reporter_id = :reporter")
                .param("reporter", reporterId)
                .update();
    }

    private static Report map(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Report(
                rs.getObject("id", UUID.class),
                rs.getObject("reporter_id", UUID.class),
                rs.getString("target_type"),
                rs.getObject("target_id", UUID.class),
                rs.getString("reason"),
                rs.getString("details"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("decision_id", UUID.class),
                resolved == null ? null : resolved.toInstant());
    }

    record Target(String type, UUID id, int reports, Instant oldest) {}

    record Backlog(int open, Instant oldest) {}
}
