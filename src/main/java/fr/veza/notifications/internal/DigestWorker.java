package fr.veza.notifications.internal;

import fr.veza.catalog.WeekInPlays;
import fr.veza.identity.Accounts;
import fr.veza.identity.Mailbox;
import fr.veza.notifications.NotificationKind;
import fr.veza.notifications.NotificationKind.Delivery;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.mail.MailComposer;
import fr.veza.platform.mail.Mailer;
import fr.veza.platform.web.SignedUrls;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.social.WeekInSocial;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The weekly digest: on {@code DIGEST_DAY} from {@code DIGEST_HOUR} in each person's time zone, one mail with an
 * artist's plays and likes of the week, the new tracks of the artists the person follows, and the week's unread
 * notifications of the kinds they leave to the digest, grouped by kind; for people who leave at least one kind to
 * it (unsubscribing from everything ends the digest too). Exactly one per person and
 * week whatever the instances, restarts or repeated runs (a claimed row per week); nothing to someone with nothing
 * new, nor to unconfirmed, closed or suspended accounts; a refused send is tried again later in the day.
 */
@Component
class DigestWorker implements PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(DigestWorker.class);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final int PEOPLE_PER_RUN = 200;
    private static final int LINES_PER_KIND = 5;
    private static final int NEW_TRACKS = 10;

    private final DigestRepository digests;
    private final NotificationRepository notifications;
    private final WeekInSocial social;
    private final WeekInPlays plays;
    private final NotificationPreferences preferences;
    private final NotificationSentences sentences;
    private final Accounts accounts;
    private final MailComposer composer;
    private final Mailer mailer;
    private final SignedUrls signer;
    private final PlatformSettings platform;
    private final DigestSettings settings;
    private final NotificationMailSettings mailSettings;
    private final Clock clock;

    DigestWorker(
            DigestRepository digests,
            NotificationRepository notifications,
            WeekInSocial social,
            WeekInPlays plays,
            NotificationPreferences preferences,
            NotificationSentences sentences,
            Accounts accounts,
            MailComposer composer,
            Mailer mailer,
            SignedUrls signer,
            PlatformSettings platform,
            DigestSettings settings,
            NotificationMailSettings mailSettings,
            Clock clock) {
        this.digests = digests;
        this.notifications = notifications;
        this.social = social;
        this.plays = plays;
        this.preferences = preferences;
        this.sentences = sentences;
        this.accounts = accounts;
        this.composer = composer;
        this.mailer = mailer;
        this.signer = signer;
        this.platform = platform;
        this.settings = settings;
        this.mailSettings = mailSettings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notification-digest";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        Instant now = clock.instant();
        Instant since = now.minus(WEEK);
        List<String> types = Arrays.stream(NotificationKind.values())
                .flatMap(kind -> kind.types().stream())
                .toList();
        int sent = 0;
        int failed = 0;
        for (UUID person : candidates(since, types)) {
            if (run.stopping()) {
                break;
            }
            Optional<Mailbox> mailbox = accounts.mailbox(person);
            if (mailbox.isEmpty()) {
                continue;
            }
            ZonedDateTime local = now.atZone(zone(mailbox.get()));
            if (local.getDayOfWeek() != settings.day() || local.getHour() < settings.hour()) {
                continue;
            }
            Map<NotificationKind, Delivery> chosen = preferences.of(person);
            if (!chosen.containsValue(Delivery.DIGEST)) {
                continue; // no kind left to the digest: the person does not take it
            }
            Map<NotificationKind, List<Notification>> byKind = new LinkedHashMap<>();
            for (Notification notification : notifications.unreadSince(person, since, types)) {
                NotificationKind.ofType(notification.type())
                        .filter(kind -> chosen.get(kind) == Delivery.DIGEST)
                        .ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                                .add(notification));
            }
            Week week = new Week(
                    byKind,
                    social.newTracksFollowedBy(person, since, NEW_TRACKS),
                    plays.playsOfArtistSince(person, since),
                    social.likesOfArtistSince(person, since));
            if (week.isEmpty()) {
                continue; // nothing new for the digest: no mail
            }
            var weekStart = local.toLocalDate();
            Optional<Integer> attempt = digests.claim(person, weekStart, now, now.plus(LEASE));
            if (attempt.isEmpty()) {
                continue; // sent, or being sent by another instance
            }
            try {
                mailer.send(compose(person, mailbox.get(), week, now));
                digests.sent(person, weekStart, clock.instant());
                sent++;
            } catch (RuntimeException refused) {
                failed++;
                if (attempt.get() >= mailSettings.maxAttempts()) {
                    digests.sent(person, weekStart, clock.instant());
                    log.warn(
                            "digest for user {} given up after {} attempts: {}",
                            person,
                            attempt.get(),
                            refused.getMessage());
                } else {
                    digests.retryAt(person, weekStart, now.plus(NotificationMailWorker.backoff(attempt.get())));
                    log.info("digest for user {} refused, retried later: {}", person, refused.getMessage());
                }
            }
        }
        return new WorkReport(sent, failed);
    }

    /**
     * Everyone who may have something for a digest: unread notifications, new tracks from artists they follow, or
     * plays and likes of their own tracks; those sent a digest in the last six days are left out.
     */
    private List<UUID> candidates(Instant since, List<String> types) {
        Set<UUID> people = new LinkedHashSet<>(digests.candidates(since, types, PEOPLE_PER_RUN));
        people.addAll(social.followersOfNewTracks(since, PEOPLE_PER_RUN));
        people.addAll(plays.artistsPlayedSince(since, PEOPLE_PER_RUN));
        people.addAll(social.artistsLikedSince(since, PEOPLE_PER_RUN));
        return digests.withoutRecentDigest(people, since);
    }

    /** A person's week: their unread notifications by kind, new tracks of artists they follow, their own figures. */
    private record Week(
            Map<NotificationKind, List<Notification>> byKind,
            List<WeekInSocial.NewTrack> newTracks,
            long plays,
            long likes) {

        boolean isEmpty() {
            return byKind.isEmpty() && newTracks.isEmpty() && plays == 0 && likes == 0;
        }
    }

    private fr.veza.platform.mail.Mail compose(UUID person, Mailbox mailbox, Week week, Instant now) {
        Locale locale = Locale.forLanguageTag(mailbox.locale());
        List<String> items = new ArrayList<>();
        int total = 0;
        if (week.plays() > 0 || week.likes() > 0) {
            items.add(sentences.text("digest.artist-week", locale, week.plays(), week.likes()));
            total++;
        }
        if (!week.newTracks().isEmpty()) {
            items.add(sentences.text(
                            "digest.new-tracks", locale, week.newTracks().size())
                    + " "
                    + String.join(
                            "; ",
                            week.newTracks().stream()
                                    .map(track -> sentences.text(
                                            "digest.new-track", locale, track.title(), track.artistName()))
                                    .toList()));
            total += week.newTracks().size();
        }
        for (var entry : week.byKind().entrySet()) {
            List<Notification> some = entry.getValue()
                    .subList(0, Math.min(LINES_PER_KIND, entry.getValue().size()));
            String label =
                    sentences.text("notification-mail.kind." + entry.getKey().value(), locale);
            String more = entry.getValue().size() > some.size()
                    ? " (+" + (entry.getValue().size() - some.size()) + ")"
                    : "";
            items.add(label + " (" + entry.getValue().size() + "): " + String.join("; ", sentences.of(some, locale))
                    + more);
            total += entry.getValue().size();
        }
        String base = platform.publicBaseUrl().toString().replaceFirst("/$", "");
        return composer.compose(
                mailbox.email(),
                "mail.digest",
                base + "/notifications",
                locale,
                items,
                NotificationMailWorker.unsubscribeLink(signer, base, person, "all", now),
                total);
    }

    private static ZoneId zone(Mailbox mailbox) {
        try {
            return ZoneId.of(mailbox.timezone());
        } catch (DateTimeException unknown) {
            return ZoneId.of("UTC");
        }
    }
}
