package fr.veza.moderation.web;

import fr.veza.moderation.internal.Decision;
import fr.veza.moderation.internal.ModerationService;
import fr.veza.moderation.internal.Report;
import fr.veza.platform.moderation.ReportableContent.Reported;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reports, decisions and cases as the API shows them. */
final class ModerationViews {

    private ModerationViews() {}

    /** A report as its reporter sees it. */
    record MyReport(
            UUID id,
            String targetType,
            UUID targetId,
            String reason,
            String details,
            String status,
            String outcome,
            Instant createdAt,
            Instant resolvedAt) {

        static MyReport of(Report report, String outcome) {
            return new MyReport(
                    report.id(),
                    report.targetType(),
                    report.targetId(),
                    report.reason(),
                    report.details(),
                    report.isOpen() ? "open" : "resolved",
                    outcome,
                    report.createdAt(),
                    report.resolvedAt());
        }
    }

    /** A report as moderators see it in a case. */
    record ReportLine(UUID id, UUID reporterId, String reason, String details, String status, Instant createdAt) {

        static ReportLine of(Report report) {
            return new ReportLine(
                    report.id(),
                    report.reporterId(),
                    report.reason(),
                    report.details(),
                    report.isOpen() ? "open" : "resolved",
                    report.createdAt());
        }
    }

    /** @param appeal the author's words, for moderators only (null in the author's own view: they wrote it) */
    record DecisionView(
            UUID id,
            String targetType,
            UUID targetId,
            String action,
            String note,
            Instant suspendedUntil,
            Instant createdAt,
            boolean appealable,
            String appeal,
            Instant appealedAt,
            String appealOutcome,
            Instant appealDecidedAt) {

        static DecisionView of(Decision d) {
            return new DecisionView(
                    d.id(),
                    d.targetType(),
                    d.targetId(),
                    d.action(),
                    d.note(),
                    d.suspendedUntil(),
                    d.createdAt(),
                    "hide".equals(d.action()) && d.appealedAt() == null,
                    d.appeal(),
                    d.appealedAt(),
                    d.appealOutcome(),
                    d.appealDecidedAt());
        }
    }

    record ContentView(UUID authorId, String label, String text, boolean hidden, Map<String, Object> context) {

        static ContentView of(Reported content) {
            return content == null
                    ? null
                    : new ContentView(
                            content.authorId(), content.label(), content.text(), content.hidden(), content.context());
        }
    }

    /**
     * One target of the queue.
     *
     * @param content what it is now; null when it is gone
     * @param openReports how many reports wait
     */
    record CaseView(
            String targetType,
            UUID targetId,
            ContentView content,
            int openReports,
            Instant oldestOpenAt,
            List<ReportLine> reports,
            List<DecisionView> decisions) {

        static CaseView of(ModerationService.Case c) {
            List<Report> open = c.reports().stream().filter(Report::isOpen).toList();
            return new CaseView(
                    c.targetType(),
                    c.targetId(),
                    ContentView.of(c.content()),
                    open.size(),
                    open.isEmpty() ? null : open.get(0).createdAt(),
                    c.reports().stream().map(ReportLine::of).toList(),
                    c.decisions().stream().map(DecisionView::of).toList());
        }
    }
}
