package fr.veza.notifications.internal;

import fr.veza.identity.Accounts;
import fr.veza.identity.Mailbox;
import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.NotificationKind.Delivery;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.mail.Mail;
import fr.veza.platform.mail.MailComposer;
import fr.veza.platform.mail.Mailer;
import fr.veza.platform.web.SignedUrls;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the instant mails of notifications, off every request thread: each person's due notifications of the kinds
 * they want at once go out together in one mail after {@code NOTIFICATION_MAIL_BATCH_WINDOW}, so fifty likes are one
 * mail. Rows are claimed under a lease with SKIP LOCKED, so instances and a worker run twice never send one twice; a
 * mail server that refuses is retried with backoff up to {@code NOTIFICATION_MAIL_MAX_ATTEMPTS}, and the runs' failed
 * counts are the {@code veza.worker.failed} metric. Unverified, closed and suspended accounts are sent nothing.
 */
@Component
class NotificationMailWorker implements PeriodicWorker {

    /** The signature scope of unsubscribe links; the unsubscribe page verifies with the same word. */
    static final String UNSUBSCRIBE_SCOPE = "unsubscribe";

    private static final Logger log = LoggerFactory.getLogger(NotificationMailWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final int PEOPLE_PER_BATCH = 100;
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final NotificationRepository notifications;
    private final NotificationPreferences preferences;
    private final Accounts accounts;
    private final NotificationSentences sentences;
    private final MailComposer composer;
    private final Mailer mailer;
    private final SignedUrls signer;
    private final PlatformSettings platform;
    private final NotificationMailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationMailWorker(
            NotificationRepository notifications,
            NotificationPreferences preferences,
            Accounts accounts,
            NotificationSentences sentences,
            MailComposer composer,
            Mailer mailer,
            SignedUrls signer,
            PlatformSettings platform,
            NotificationMailSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.accounts = accounts;
        this.sentences = sentences;
        this.composer = composer;
        this.mailer = mailer;
        this.signer = signer;
        this.platform = platform;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notification-mail";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.batchWindow());
        int sent = 0;
        int failed = 0;
        // every person handled leaves the due set (sent, skipped, given up or put off), so batches drain it; a batch
        // that claims nothing means another instance is on the rest
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !run.stopping(); batch++) {
            List<UUID> due = notifications.mailDue(cutoff, now, PEOPLE_PER_BATCH);
            boolean claimedAny = false;
            for (UUID person : due) {
                if (run.stopping()) {
                    break;
                }
                List<Notification> claimed =
                        transactions.execute(status -> notifications.claimMail(person, cutoff, now, LEASE));
                if (claimed.isEmpty()) {
                    continue;
                }
                claimedAny = true;
                switch (mail(person, claimed, now)) {
                    case SENT -> sent++;
                    case FAILED -> failed++;
                    case NOTHING -> {}
                }
            }
            if (due.size() < PEOPLE_PER_BATCH || !claimedAny) {
                break;
            }
        }
        return new WorkReport(sent, failed);
    }

    private enum Outcome {
        SENT,
        FAILED,
        NOTHING
    }

    private Outcome mail(UUID person, List<Notification> claimed, Instant now) {
        Map<NotificationKind, Delivery> chosen = preferences.of(person);
        List<Notification> instant = new ArrayList<>();
        List<UUID> skipped = new ArrayList<>();
        for (Notification notification : claimed) {
            boolean wanted = NotificationKind.ofType(notification.type())
                    .map(kind -> chosen.get(kind) == Delivery.INSTANT)
                    .orElse(false);
            if (wanted) {
                instant.add(notification);
            } else {
                skipped.add(notification.id());
            }
        }
        var mailbox = accounts.mailbox(person);
        if (mailbox.isEmpty()) {
            instant.forEach(notification -> skipped.add(notification.id()));
            instant.clear();
        }
        notifications.mailed(skipped, "skipped", null);
        if (instant.isEmpty()) {
            return Outcome.NOTHING;
        }
        List<UUID> ids = instant.stream().map(Notification::id).toList();
        try {
            mailer.send(compose(person, mailbox.get(), instant));
            notifications.mailed(ids, "sent", null);
            return Outcome.SENT;
        } catch (RuntimeException refused) {
            int attempts =
                    instant.stream().mapToInt(Notification::mailAttempts).max().orElse(1);
            if (attempts >= settings.maxAttempts()) {
                notifications.mailed(ids, "failed", null);
                log.warn(
                        "notification mail to user {} given up after {} attempts: {}",
                        person,
                        attempts,
                        refused.getMessage());
            } else {
                notifications.mailed(ids, "pending", now.plus(backoff(attempts)));
                log.info(
                        "notification mail to user {} refused (attempt {}), retried later: {}",
                        person,
                        attempts,
                        refused.getMessage());
            }
            return Outcome.FAILED;
        }
    }

    private Mail compose(UUID person, Mailbox mailbox, List<Notification> batch) {
        Locale locale = Locale.forLanguageTag(mailbox.locale());
        List<String> lines = sentences.of(batch, locale);
        Set<String> kinds = batch.stream()
                .map(notification -> NotificationKind.ofType(notification.type())
                        .orElseThrow()
                        .value())
                .collect(Collectors.toSet());
        String which = kinds.size() == 1 ? kinds.iterator().next() : "all";
        String base = platform.publicBaseUrl().toString().replaceFirst("/$", "");
        String unsubscribe = unsubscribeLink(signer, base, person, which, clock.instant());
        String key = lines.size() == 1 ? "mail.notification" : "mail.notifications";
        return composer.compose(
                mailbox.email(), key, base + "/notifications", locale, lines, unsubscribe, lines.size(), lines.get(0));
    }

    /** A signed link that turns {@code which} kind (or "all") off for {@code person}, valid for a year. */
    static String unsubscribeLink(SignedUrls signer, String base, UUID person, String which, Instant now) {
        return base
                + signer.sign(
                        "/unsubscribe/" + person + "/" + which, UNSUBSCRIBE_SCOPE, now.plus(Duration.ofDays(365)));
    }

    /** 1 min, 5 min, 30 min, 2 h, then every 6 h. */
    static Duration backoff(int attempts) {
        return switch (attempts) {
            case 1 -> Duration.ofMinutes(1);
            case 2 -> Duration.ofMinutes(5);
            case 3 -> Duration.ofMinutes(30);
            case 4 -> Duration.ofHours(2);
            default -> Duration.ofHours(6);
        };
    }
}
