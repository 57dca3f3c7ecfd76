package fr.veza.legal.internal;

import fr.veza.legal.internal.DmcaNotice.Claim;
import fr.veza.legal.internal.DmcaNotice.CounterNotice;
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
class DmcaRepository {

    private static final String COLUMNS = """
            id, reference, status, claimant_name, claimant_address, claimant_email, claimant_phone, copyrighted_work,
            track_id, infringing_url, signature, uploader_id, created_at, reviewed_at, rejection_reason, counter_name,
            counter_address, counter_phone, counter_email, counter_signature, counter_noticed_at, restore_after,
            court_action_at, restored_at
            """;

    private final JdbcClient jdbc;

    DmcaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String reference, Claim claim, UUID submittedBy) {
        jdbc.sql("""
                        INSERT INTO dmca_notices (id, reference, status, claimant_name, claimant_address, claimant_email,
                                                  claimant_phone, copyrighted_work, track_id, infringing_url, signature,
                                                  submitted_by)
                        VALUES (:id, :reference, 'received', :name, :address, :email, :phone, :work, :track, :url,
                                :signature, :submittedBy)
                        """)
                .param("id", id)
                .param("reference", reference)
                .param("name", claim.claimantName())
                .param("address", claim.claimantAddress())
                .param("email", claim.claimantEmail())
                .param("phone", claim.claimantPhone())
                .param("work", claim.copyrightedWork())
                .param("track", claim.trackId())
                .param("url", claim.infringingUrl())
                .param("signature", claim.signature())
                .param("submittedBy", submittedBy)
                .update();
    }

    Optional<DmcaNotice> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dmca_notices WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<DmcaNotice> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dmca_notices WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The notices that took a track down, as its uploader follows them: newest first. */
    List<DmcaNotice> takedownsOf(UUID trackId, UUID uploaderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dmca_notices WHERE track_id = :track AND uploader_id = :uploader"
                        + " AND status IN ('taken_down', 'counter_noticed', 'restored') ORDER BY created_at DESC, id")
                .param("track", trackId)
                .param("uploader", uploaderId)
                .query(this::map)
                .list();
    }

    List<DmcaNotice> queue(String status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM dmca_notices WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + " ORDER BY created_at, id LIMIT :limit")
                .param("status", status)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    Map<String, Integer> countsByStatus() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM dmca_notices GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    List<DmcaStrike> strikesOf(UUID userId) {
        return jdbc.sql("""
                        SELECT s.notice_id, n.reference, s.created_at, s.lifted_at FROM dmca_strikes s
                        JOIN dmca_notices n ON n.id = s.notice_id WHERE s.user_id = :user ORDER BY s.created_at
                        """)
                .param("user", userId)
                .query((rs, row) -> new DmcaStrike(
                        rs.getObject("notice_id", UUID.class),
                        rs.getString("reference"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("lifted_at") == null
                                ? null
                                : rs.getTimestamp("lifted_at").toInstant()))
                .list();
    }

    void takenDown(UUID id, UUID reviewer, UUID uploader) {
        jdbc.sql("""
                        UPDATE dmca_notices SET status = 'taken_down', reviewed_by = :reviewer, reviewed_at = now(),
                               uploader_id = :uploader
                        WHERE id = :id AND status = 'received'
                        """)
                .param("id", id)
                .param("reviewer", reviewer)
                .param("uploader", uploader)
                .update();
    }

    void rejected(UUID id, UUID reviewer, String reason) {
        jdbc.sql("""
                        UPDATE dmca_notices SET status = 'rejected', reviewed_by = :reviewer, reviewed_at = now(),
                               rejection_reason = :reason
                        WHERE id = :id AND status = 'received'
                        """)
                .param("id", id)
                .param("reviewer", reviewer)
                .param("reason", reason)
                .update();
    }

    void counterNoticed(UUID id, CounterNotice counter, Instant restoreAfter) {
        jdbc.sql("""
                        UPDATE dmca_notices SET status = 'counter_noticed', counter_name = :name,
                               counter_address = :address, counter_phone = :phone, counter_email = :email,
                               counter_signature = :signature, counter_noticed_at = :at, restore_after = :restoreAfter
                        WHERE id = :id AND status = 'taken_down'
                        """)
                .param("id", id)
                .param("name", counter.name())
                .param("address", counter.address())
                .param("phone", counter.phone())
                .param("email", counter.email())
                .param("signature", counter.signature())
                .param("at", Timestamp.from(counter.receivedAt()))
                .param("restoreAfter", Timestamp.from(restoreAfter))
                .update();
    }

    boolean courtAction(UUID id) {
        return jdbc.sql("""
                                UPDATE dmca_notices SET court_action_at = now()
                                WHERE id = :id AND status = 'counter_noticed' AND court_action_at IS NULL
                                """).param("id", id).update() == 1;
    }

    /** Counter-noticed notices whose waiting period ended without a court action, claimed until commit. */
    List<DmcaNotice> dueForRestoration(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dmca_notices WHERE status = 'counter_noticed'"
                        + " AND court_action_at IS NULL AND restore_after <= :now"
                        + " ORDER BY restore_after LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    void restored(UUID id, Instant at) {
        jdbc.sql(
                        "UPDATE dmca_notices SET status = 'restored', restored_at = :at WHERE id = :id AND status = 'counter_noticed'")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void strike(UUID noticeId, UUID userId) {
        jdbc.sql("INSERT INTO dmca_strikes (notice_id, user_id) VALUES (:notice, :user) ON CONFLICT DO NOTHING")
                .param("notice", noticeId)
                .param("user", userId)
                .update();
    }

    void liftStrike(UUID noticeId, Instant at) {
        jdbc.sql("UPDATE dmca_strikes SET lifted_at = :at WHERE notice_id = :notice AND lifted_at IS NULL")
                .param("notice", noticeId)
                .param("at", Timestamp.from(at))
                .update();
    }

    int activeStrikes(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM dmca_strikes WHERE user_id = :user AND lifted_at IS NULL")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    void suspended(UUID userId, int strikes) {
        jdbc.sql("INSERT INTO dmca_suspensions (user_id, strikes) VALUES (:user, :strikes) ON CONFLICT DO NOTHING")
                .param("user", userId)
                .param("strikes", strikes)
                .update();
    }

    /** Ends the person's repeat-infringer suspension; false if they had none. */
    boolean endSuspension(UUID userId) {
        return jdbc.sql("DELETE FROM dmca_suspensions WHERE user_id = :user")
                        .param("user", userId)
                        .update()
                == 1;
    }

    private DmcaNotice map(ResultSet rs, int row) throws SQLException {
        Instant counterAt = instant(rs.getTimestamp("counter_noticed_at"));
        return new DmcaNotice(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("status"),
                rs.getString("claimant_name"),
                rs.getString("claimant_address"),
                rs.getString("claimant_email"),
                rs.getString("claimant_phone"),
                rs.getString("copyrighted_work"),
                rs.getObject("track_id", UUID.class),
                rs.getString("infringing_url"),
                rs.getString("signature"),
                rs.getObject("uploader_id", UUID.class),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("reviewed_at")),
                rs.getString("rejection_reason"),
                counterAt == null
                        ? null
                        : new CounterNotice(
                                rs.getString("counter_name"),
                                rs.getString("counter_address"),
                                rs.getString("counter_phone"),
                                rs.getString("counter_email"),
                                rs.getString("counter_signature"),
                                counterAt),
                instant(rs.getTimestamp("restore_after")),
                instant(rs.getTimestamp("court_action_at")),
                instant(rs.getTimestamp("restored_at")));
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
