package fr.veza.moderation.internal;

import fr.veza.identity.Accounts;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.moderation.AppealDecided;
import fr.veza.moderation.ContentModerated;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.moderation.ReportableContent;
import fr.veza.platform.moderation.ReportableContent.Reported;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports and what moderators decide on them. Reports about one target are decided together, so a target
 * reported by twenty people is one item of the queue and one decision. A moderator never decides about their
 * own content, nor about an admin's or another moderator's: those go to an admin.
 */
@Service
public class ModerationService {

    public static final int MAX_DETAILS = 2000;
    public static final int MAX_NOTE = 1000;
    public static final int MAX_SUSPENSION_DAYS = 3650;

    private final ReportRepository reports;
    private final DecisionRepository decisions;
    private final Map<String, ReportableContent> contents;
    private final Accounts accounts;
    private final RateLimiter limiter;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ModerationSettings settings;
    private final Clock clock;

    ModerationService(
            ReportRepository reports,
            DecisionRepository decisions,
            List<ReportableContent> contents,
            Accounts accounts,
            RateLimiter limiter,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ModerationSettings settings,
            Clock clock) {
        this.reports = reports;
        this.decisions = decisions;
        this.contents = contents.stream().collect(Collectors.toMap(ReportableContent::type, Function.identity()));
        this.accounts = accounts;
        this.limiter = limiter;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** A report of something the reporter can see and did not write; one open report per person and target. */
    public Report report(
            CurrentUser reporter, String targetType, UUID targetId, String reason, String details, String ip) {
        ReportableContent content = content(targetType);
        if (!ReportReasons.REASONS.contains(reason)) {
            throw VezaException.invalid("reason", "must be one of " + String.join(", ", ReportReasons.REASONS));
        }
        String said = details == null || details.isBlank() ? null : details.strip();
        if (said != null && said.length() > MAX_DETAILS) {
            throw VezaException.invalid("details", "must be at most " + MAX_DETAILS + " characters");
        }
        Reported reported = content.visibleTo(targetId, reporter.id())
                .orElseThrow(() -> VezaException.notFound(targetType + " " + targetId));
        if (reporter.id().equals(reported.authorId())) {
            throw VezaException.invalid("target_id", "is yours; delete or change it instead of reporting it");
        }
        Allowance allowance = limiter.tryConsume(
                "moderation:report:" + reporter.id(), new Limit(settings.reportsPerHour(), Duration.ofHours(1)));
        if (!allowance.allowed()) {
            throw new RateLimitedException("Too many reports in an hour; try again later.", allowance.reset());
        }
        try {
            return transactions.execute(status -> {
                Report report = reports.insert(reporter.id(), targetType, targetId, reason, said);
                audit.record(new AuditEntry(
                        reporter.id(),
                        ip,
                        "moderation.reported",
                        targetType,
                        targetId,
                        Map.of("report_id", report.id(), "reason", reason)));
                return report;
            });
        } catch (DuplicateKeyException again) {
            throw new VezaException(
                    ErrorCode.CONFLICT, "You reported this already; moderators will tell you what they decide.");
        }
    }

    /** The person's own reports, newest first, each with the outcome once decided. */
    public List<Mine> reportsOf(CurrentUser reporter) {
        List<Report> mine = reports.byReporter(reporter.id(), 200);
        Map<UUID, Decision> decided = decisions.findAll(mine.stream()
                .map(Report::decisionId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        return mine.stream()
                .map(report -> new Mine(
                        report,
                        Optional.ofNullable(report.decisionId())
                                .map(decided::get)
                                .map(Decision::action)
                                .orElse(null)))
                .toList();
    }

    /** Decisions about what the person published, newest first: hidings they may appeal, warnings, suspensions. */
    public List<Decision> decisionsAbout(CurrentUser author) {
        return decisions.byAuthor(author.id(), 200);
    }

    /** The queue: targets with open reports, the longest waiting first, with their content and history. */
    public List<Case> queue(int limit) {
        return reports.openTargets(limit).stream()
                .map(target -> caseOf(target.type(), target.id()))
                .toList();
    }

    /** The case a report belongs to: its target, every report and decision about it. */
    public Case caseOf(UUID reportId) {
        Report report = reports.find(reportId).orElseThrow(() -> VezaException.notFound("Report " + reportId));
        return caseOf(report.targetType(), report.targetId());
    }

    public List<Decision> recentDecisions(int limit) {
        return decisions.recent(limit);
    }

    public List<Decision> openAppeals(int limit) {
        return decisions.openAppeals(limit);
    }

    private Case caseOf(String targetType, UUID targetId) {
        return new Case(
                targetType,
                targetId,
                content(targetType).forModerators(targetId).orElse(null),
                reports.about(targetType, targetId, 500),
                decisions.about(targetType, targetId));
    }

    /**
     * Decides every open report about the target of {@code reportId} at once. {@code days} bounds a suspension
     * (null: for good); {@code note} is what the author is told, required for a warning.
     */
    public Decision decide(CurrentUser moderator, UUID reportId, String action, String note, Integer days, String ip) {
        requireModerator(moderator);
        if (!ReportReasons.ACTIONS.contains(action)) {
            throw VezaException.notFound("Action " + action);
        }
        String told = note == null || note.isBlank() ? null : note.strip();
        if (told != null && told.length() > MAX_NOTE) {
            throw VezaException.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        if ("warn".equals(action) && told == null) {
            throw VezaException.invalid("note", "must say what the author is warned about");
        }
        if (days != null && (!"suspend".equals(action) || days < 1 || days > MAX_SUSPENSION_DAYS)) {
            throw VezaException.invalid("days", "must be 1 to " + MAX_SUSPENSION_DAYS + ", for a suspension only");
        }
        Report report = reports.find(reportId).orElseThrow(() -> VezaException.notFound("Report " + reportId));
        ReportableContent content = content(report.targetType());
        return transactions.execute(status -> {
            List<Report> open = reports.lockOpen(report.targetType(), report.targetId());
            if (open.stream().noneMatch(r -> r.id().equals(reportId))) {
                throw new VezaException(ErrorCode.CONFLICT, "This report was decided already; read it again.");
            }
            Optional<Reported> target = content.forModerators(report.targetId());
            UUID author = target.map(Reported::authorId).orElse(null);
            requireMayDecide(moderator, author);
            Instant until = days == null ? null : clock.instant().plus(Duration.ofDays(days));
            switch (action) {
                case "hide" -> {
                    if (!content.hideable()) {
                        throw VezaException.invalid("action", "a person is warned or suspended, not hidden");
                    }
                    if (target.isEmpty()) {
                        throw new VezaException(ErrorCode.CONFLICT, "This content is gone; dismiss the reports.");
                    }
                    content.hide(report.targetId());
                }
                case "warn", "suspend" -> {
                    if (author == null) {
                        throw new VezaException(ErrorCode.CONFLICT, "The author's account is gone.");
                    }
                    if ("suspend".equals(action) && accounts.roleOf(author).orElse(Role.LISTENER) == Role.ADMIN) {
                        throw new VezaException(ErrorCode.CONFLICT, "This is an admin; change their role first.");
                    }
                    if ("suspend".equals(action) && !accounts.suspend(author, "suspended_by_moderation")) {
                        throw new VezaException(ErrorCode.CONFLICT, "This account is not active (already suspended?).");
                    }
                }
                case "escalate" -> {
                    if (!"track".equals(report.targetType())) {
                        throw VezaException.invalid("action", "only a track is a copyright matter");
                    }
                }
                default -> {}
            }
            Decision decision = decisions.insert(
                    report.targetType(), report.targetId(), author, moderator.id(), action, told, until);
            reports.resolve(open.stream().map(Report::id).toList(), decision.id());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("decision_id", decision.id());
            details.put("reports", open.size());
            if (days != null) {
                details.put("days", days);
            }
            audit.record(new AuditEntry(
                    moderator.id(), ip, "moderation." + action, report.targetType(), report.targetId(), details));
            if ("suspend".equals(action)) {
                audit.record(new AuditEntry(
                        moderator.id(),
                        ip,
                        "user.suspended",
                        "user",
                        author,
                        Map.of("reason", "moderation", "decision_id", decision.id())));
            }
            events.publishEvent(new ContentModerated(
                    decision.id(),
                    action,
                    report.targetType(),
                    report.targetId(),
                    target.map(Reported::label).orElse(null),
                    author,
                    told,
                    until,
                    open.stream().map(Report::reporterId).distinct().toList()));
            return decision;
        });
    }

    /** The author asks, once, that a hiding be looked at again. */
    public Decision appeal(CurrentUser author, UUID decisionId, String statement, String ip) {
        String said = statement == null ? "" : statement.strip();
        if (said.isEmpty() || said.length() > MAX_DETAILS) {
            throw VezaException.invalid("statement", "must be 1 to " + MAX_DETAILS + " characters");
        }
        return transactions.execute(status -> {
            Decision decision = decisions
                    .lock(decisionId)
                    .filter(d -> author.id().equals(d.authorId()))
                    .orElseThrow(() -> VezaException.notFound("Decision " + decisionId));
            if (!"hide".equals(decision.action())) {
                throw new VezaException(ErrorCode.CONFLICT, "Only a hiding can be appealed.");
            }
            if (!decisions.appeal(decisionId, said)) {
                throw new VezaException(ErrorCode.CONFLICT, "You appealed this decision already.");
            }
            audit.record(new AuditEntry(
                    author.id(),
                    ip,
                    "moderation.appealed",
                    decision.targetType(),
                    decision.targetId(),
                    Map.of("decision_id", decisionId)));
            return decisions.find(decisionId).orElseThrow();
        });
    }

    /**
     * Upholds or reverses an appealed hiding; reversing brings the content back. Someone other than the moderator
     * who hid it decides, unless that moderator is an admin.
     */
    public Decision decideAppeal(CurrentUser moderator, UUID decisionId, boolean reverse, String ip) {
        requireModerator(moderator);
        return transactions.execute(status -> {
            Decision decision =
                    decisions.lock(decisionId).orElseThrow(() -> VezaException.notFound("Decision " + decisionId));
            if (!decision.appealOpen()) {
                throw new VezaException(ErrorCode.CONFLICT, "This decision has no appeal waiting.");
            }
            if (moderator.id().equals(decision.moderatorId()) && !moderator.isAdmin()) {
                throw VezaException.forbidden("Another moderator or an admin decides the appeal of your decision.");
            }
            requireMayDecide(moderator, decision.authorId());
            String outcome = reverse ? "reversed" : "upheld";
            decisions.decideAppeal(decisionId, outcome, moderator.id());
            ReportableContent content = content(decision.targetType());
            if (reverse) {
                content.restore(decision.targetId());
            }
            audit.record(new AuditEntry(
                    moderator.id(),
                    ip,
                    "moderation.appeal_" + outcome,
                    decision.targetType(),
                    decision.targetId(),
                    Map.of("decision_id", decisionId)));
            events.publishEvent(new AppealDecided(
                    decisionId,
                    outcome,
                    decision.targetType(),
                    decision.targetId(),
                    content.forModerators(decision.targetId())
                            .map(Reported::label)
                            .orElse(null),
                    decision.authorId()));
            return decisions.find(decisionId).orElseThrow();
        });
    }

    private ReportableContent content(String targetType) {
        ReportableContent content = targetType == null ? null : contents.get(targetType);
        if (content == null) {
            throw VezaException.invalid(
                    "target_type", "must be one of " + String.join(", ", ReportReasons.TARGET_TYPES));
        }
        return content;
    }

    private static void requireModerator(CurrentUser user) {
        if (!user.isModerator()) {
            throw VezaException.forbidden("Only moderators and admins decide reports.");
        }
    }

    /** A moderator decides about listeners' and artists' content; an admin's or a moderator's goes to an admin. */
    private void requireMayDecide(CurrentUser moderator, UUID author) {
        if (moderator.isAdmin() || author == null) {
            return;
        }
        if (moderator.id().equals(author)) {
            throw VezaException.forbidden("Another moderator or an admin decides about your own content.");
        }
        Role role = accounts.roleOf(author).orElse(Role.LISTENER);
        if (role == Role.MODERATOR || role == Role.ADMIN) {
            throw VezaException.forbidden("An admin decides about a moderator's or an admin's content.");
        }
    }

    /** A report as its reporter sees it: the outcome, never who else reported. */
    public record Mine(Report report, String outcome) {}

    /** One target of the queue: the content as it is now (null when gone), its reports and decisions. */
    public record Case(
            String targetType, UUID targetId, Reported content, List<Report> reports, List<Decision> decisions) {}
}
