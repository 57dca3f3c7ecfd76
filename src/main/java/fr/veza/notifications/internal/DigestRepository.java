package fr.veza.notifications.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The weekly digests in {@code notification_digests}, and who has something for one. */
@Repository
class DigestRepository {

    private final JdbcClient jdbc;

    DigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** People with unread notifications of {@code types} since {@code since} and no digest sent in six days. */
    List<UUID> candidates(Instant since, List<String> types, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT n.user_id FROM notifications n
                        WHERE NOT n.read AND n.created_at > :since AND n.type = ANY(:types)
                          AND NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.user_id = n.user_id
                                          AND d.state = 'sent' AND d.sent_at > :recently)
                        LIMIT :limit
                        """)
                .param("since", Timestamp.from(since))
                .param("recently", Timestamp.from(since.plus(java.time.Duration.ofDays(1))))
                .param("types", types.toArray(String[]::new))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Those of {@code people} not sent a digest in the six days before the week that ends now. */
    List<UUID> withoutRecentDigest(java.util.Collection<UUID> people, Instant since) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT p.id FROM unnest(CAST(:people AS uuid[])) AS p(id)
                        WHERE NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.user_id = p.id
                                          AND d.state = 'sent' AND d.sent_at > :recently)
                        """)
                .param("people", people.toArray(UUID[]::new))
                .param("recently", Timestamp.from(since.plus(java.time.Duration.ofDays(1))))
                .query(UUID.class)
                .list();
    }

    /**
     * Claims this person's digest of {@code week}: the first claim wins; a claim whose sender died (its lease passed)
     * can be taken again. Answers the attempt number, or nothing if the digest is sent or being sent elsewhere.
     */
    Optional<Integer> claim(UUID userId, LocalDate week, Instant now, Instant leaseEnd) {
        return jdbc.sql("""
                        INSERT INTO notification_digests (user_id, week_start, state, claimed_until)
                        VALUES (:user, :week, 'sending', :until)
                        ON CONFLICT (user_id, week_start) DO UPDATE
                            SET claimed_until = :until, attempts = notification_digests.attempts + 1
                            WHERE notification_digests.state = 'sending' AND notification_digests.claimed_until < :now
                        RETURNING attempts
                        """)
                .param("user", userId)
                .param("week", Date.valueOf(week))
                .param("until", Timestamp.from(leaseEnd))
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional();
    }

    void sent(UUID userId, LocalDate week, Instant at) {
        jdbc.sql(
                        "UPDATE notification_digests SET state = 'sent', sent_at = :at WHERE user_id = :user AND week_start = :week")
                .param("user", userId)
                .param("week", Date.valueOf(week))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A send that failed: the claim ends at {@code retryAt}, when the next run takes it again. */
    void retryAt(UUID userId, LocalDate week, Instant retryAt) {
        jdbc.sql("UPDATE notification_digests SET claimed_until = :at WHERE user_id = :user AND week_start = :week")
                .param("user", userId)
                .param("week", Date.valueOf(week))
                .param("at", Timestamp.from(retryAt))
                .update();
    }
}
