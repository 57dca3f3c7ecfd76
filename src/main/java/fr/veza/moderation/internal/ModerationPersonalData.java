package fr.veza.moderation.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A person's reports and the decisions about what they published. Who else reported something, and which
 * moderator decided, are never in it. Erasure deletes the person's reports and takes their name (and their words
 * of appeal) out of the decisions, which stay as the record of what was done.
 */
@Component
class ModerationPersonalData implements PersonalData {

    private final ReportRepository reports;
    private final DecisionRepository decisions;

    ModerationPersonalData(ReportRepository reports, DecisionRepository decisions) {
        this.reports = reports;
        this.decisions = decisions;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        Map<String, UUID> user = Map.of("user", userId);
        files.rows(
                "moderation/reports.json",
                "What you reported to moderators, why, and what they decided (never who else reported it).",
                """
                SELECT r.target_type, r.target_id, r.reason, r.details, r.created_at, r.resolved_at,
                       d.action AS outcome
                FROM moderation_reports r LEFT JOIN moderation_decisions d ON d.id = r.decision_id
                WHERE r.reporter_id = :user ORDER BY r.created_at
                """,
                user);
        files.rows(
                "moderation/decisions.json",
                "What moderators decided about what you published or about your account, what they told you, and"
                        + " your appeals (never who reported it or which moderator decided).",
                """
                SELECT target_type, target_id, action, note, suspended_until, created_at, appeal, appealed_at,
                       appeal_outcome, appeal_decided_at
                FROM moderation_decisions WHERE author_id = :user AND action <> 'dismiss' ORDER BY created_at
                """,
                user);
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        touched.put("moderation_reports", reports.deleteByReporter(userId));
        touched.putAll(decisions.anonymise(userId));
        return touched;
    }
}
