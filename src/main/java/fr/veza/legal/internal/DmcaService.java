package fr.veza.legal.internal;

import fr.veza.catalog.TrackModeration;
import fr.veza.identity.Accounts;
import fr.veza.legal.TrackRestored;
import fr.veza.legal.TrackTakenDown;
import fr.veza.legal.internal.DmcaNotice.Claim;
import fr.veza.legal.internal.DmcaNotice.CounterNotice;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notice and takedown by the book. Each step changes the notice only from the state it may leave (the row is
 * locked first), is audited in the same transaction, and tells people through events handled after commit (the
 * uploader on a takedown, the claimant on a counter-notice), so a mail server down never loses a step.
 */
@Service
public class DmcaService {

    private static final Pattern TRACK_ID =
            Pattern.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final String REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DmcaRepository notices;
    private final TrackModeration tracks;
    private final Accounts accounts;
    private final RateLimiter limiter;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final LegalSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DmcaService(
            DmcaRepository notices,
            TrackModeration tracks,
            Accounts accounts,
            RateLimiter limiter,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            LegalSettings settings,
            Clock clock) {
        this.notices = notices;
        this.tracks = tracks;
        this.accounts = accounts;
        this.limiter = limiter;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Files a notice; a track named only by its URL is found from the id in the URL when it is one of ours. */
    public DmcaNotice file(Claim claim, UUID submittedBy, String ipAddress) {
        Allowance allowance = limiter.tryConsume(
                "dmca:notice:" + ipAddress, new Limit(settings.noticesPerHour(), Duration.ofHours(1)));
        if (!allowance.allowed()) {
            throw new RateLimitedException("Too many notices from this address; try again later.", allowance.reset());
        }
        UUID trackId = claim.trackId() != null ? claim.trackId() : trackIn(claim.infringingUrl());
        if (trackId != null && tracks.ownerOf(trackId).isEmpty()) {
            if (claim.trackId() != null) {
                throw VezaException.invalid("track_id", "names no track on Veza");
            }
            trackId = null;
        }
        Claim resolved = new Claim(
                claim.claimantName(),
                claim.claimantAddress(),
                claim.claimantEmail(),
                claim.claimantPhone(),
                claim.copyrightedWork(),
                trackId,
                claim.infringingUrl(),
                claim.signature());
        UUID id = UUID.randomUUID();
        String reference = reference();
        transactions.executeWithoutResult(status -> {
            notices.insert(id, reference, resolved, submittedBy);
            audit.record(new AuditEntry(
                    submittedBy,
                    ipAddress,
                    "dmca.notice_received",
                    "dmca_notice",
                    id,
                    trackDetail(resolved.trackId())));
        });
        return notices.find(id).orElseThrow();
    }

    /** What an uploader is told about the takedowns of their track. */
    public List<DmcaNotice> takedownsOf(UUID trackId, UUID uploader) {
        return notices.takedownsOf(trackId, uploader);
    }

    public List<DmcaNotice> queue(String status) {
        return notices.queue(status, 200);
    }

    /** How many notices are in each status, for the admin queue's tabs. */
    public Map<String, Integer> countsByStatus() {
        return notices.countsByStatus();
    }

    /** Every strike of one uploader, lifted or not; the ones not lifted count towards a suspension. */
    public List<DmcaStrike> strikesOf(UUID userId) {
        return notices.strikesOf(userId);
    }

    /** The settings a suspension follows, for the pages that explain it. */
    public int strikesToSuspend() {
        return settings.strikesToSuspend();
    }

    public DmcaNotice get(UUID id) {
        return notices.find(id).orElseThrow(() -> VezaException.notFound("Notice " + id));
    }

    /** Takes the track down, gives its uploader a strike, and suspends a repeat infringer. */
    public DmcaNotice takeDown(UUID id, UUID admin, String ipAddress) {
        transactions.executeWithoutResult(status -> {
            DmcaNotice notice = lockIn(id, "received");
            if (notice.trackId() == null) {
                throw new VezaException(
                        ErrorCode.CONFLICT, "This notice names no track on Veza; reject it or ask the claimant.");
            }
            UUID uploader = tracks.ownerOf(notice.trackId())
                    .orElseThrow(() -> new VezaException(ErrorCode.CONFLICT, "The track no longer exists."));
            tracks.takeDown(notice.trackId());
            notices.takenDown(id, admin, uploader);
            notices.strike(id, uploader);
            int strikes = notices.activeStrikes(uploader);
            audit.record(new AuditEntry(
                    admin,
                    ipAddress,
                    "dmca.takedown",
                    "dmca_notice",
                    id,
                    Map.of(
                            "track_id",
                            notice.trackId().toString(),
                            "uploader_id",
                            uploader.toString(),
                            "strikes",
                            strikes)));
            if (strikes >= settings.strikesToSuspend() && accounts.suspend(uploader, "repeat_infringer")) {
                notices.suspended(uploader, strikes);
                audit.record(new AuditEntry(
                        admin,
                        ipAddress,
                        "dmca.repeat_infringer_suspended",
                        "user",
                        uploader,
                        Map.of("strikes", strikes)));
            }
            events.publishEvent(new TrackTakenDown(id, notice.reference(), notice.trackId(), uploader));
        });
        return get(id);
    }

    public DmcaNotice reject(UUID id, UUID admin, String reason, String ipAddress) {
        transactions.executeWithoutResult(status -> {
            lockIn(id, "received");
            notices.rejected(id, admin, reason);
            audit.record(new AuditEntry(admin, ipAddress, "dmca.rejected", "dmca_notice", id, Map.of()));
        });
        return get(id);
    }

    /** The uploader's counter-notice; anyone else is told the notice does not exist. */
    public DmcaNotice counterNotice(UUID id, UUID uploader, CounterNotice counter, String ipAddress) {
        return counterNotice(id, uploader::equals, uploader, counter, ipAddress);
    }

    /**
     * A counter-notice the designated agent received by mail or email, entered by an admin: the way an uploader
     * who cannot sign in (suspended as a repeat infringer) still answers a takedown.
     */
    public DmcaNotice recordCounterNotice(UUID id, UUID admin, CounterNotice counter, String ipAddress) {
        return counterNotice(id, uploader -> true, admin, counter, ipAddress);
    }

    private DmcaNotice counterNotice(
            UUID id, Predicate<UUID> mayCounter, UUID actor, CounterNotice counter, String ipAddress) {
        Instant now = clock.instant();
        Instant restoreAfter = BusinessDays.after(now, settings.restoreAfterBusinessDays());
        transactions.executeWithoutResult(status -> {
            DmcaNotice notice = notices.lock(id)
                    .filter(n -> n.uploaderId() != null && mayCounter.test(n.uploaderId()))
                    .orElseThrow(() -> VezaException.notFound("Notice " + id));
            if (!notice.status().equals("taken_down")) {
                throw new VezaException(
                        ErrorCode.CONFLICT,
                        "A counter-notice answers a takedown; this notice is " + notice.status() + ".");
            }
            CounterNotice received = new CounterNotice(
                    counter.name(), counter.address(), counter.phone(), counter.email(), counter.signature(), now);
            notices.counterNoticed(id, received, restoreAfter);
            audit.record(new AuditEntry(
                    actor,
                    ipAddress,
                    "dmca.counter_notice",
                    "dmca_notice",
                    id,
                    Map.of(
                            "restore_after",
                            restoreAfter.toString(),
                            "entered_by",
                            actor.equals(notice.uploaderId()) ? "uploader" : "admin")));
            events.publishEvent(new DmcaEvents.CounterNoticed(id));
        });
        return get(id);
    }

    /** The claimant told us they went to court: the track stays down. */
    public DmcaNotice courtAction(UUID id, UUID admin, String ipAddress) {
        transactions.executeWithoutResult(status -> {
            lockIn(id, "counter_noticed");
            if (!notices.courtAction(id)) {
                throw new VezaException(ErrorCode.CONFLICT, "A court action is already recorded.");
            }
            audit.record(new AuditEntry(admin, ipAddress, "dmca.court_action", "dmca_notice", id, Map.of()));
        });
        return get(id);
    }

    /** The restoration worker's step: joins its transaction. */
    void restore(DmcaNotice notice, Instant now) {
        tracks.restore(notice.trackId());
        notices.restored(notice.id(), now);
        notices.liftStrike(notice.id(), now);
        audit.record(new AuditEntry(
                null,
                null,
                "dmca.restored",
                "dmca_notice",
                notice.id(),
                Map.of("track_id", notice.trackId().toString())));
        UUID uploader = notice.uploaderId();
        events.publishEvent(new TrackRestored(notice.id(), notice.reference(), notice.trackId(), uploader));
        int strikes = notices.activeStrikes(uploader);
        // the strike that was not upheld no longer counts; a suspension it completed ends with it
        if (strikes < settings.strikesToSuspend() && notices.endSuspension(uploader)) {
            accounts.reinstate(uploader);
            audit.record(new AuditEntry(
                    null, null, "dmca.repeat_infringer_reinstated", "user", uploader, Map.of("strikes", strikes)));
        }
    }

    private DmcaNotice lockIn(UUID id, String expected) {
        DmcaNotice notice = notices.lock(id).orElseThrow(() -> VezaException.notFound("Notice " + id));
        if (!notice.status().equals(expected)) {
            throw new VezaException(
                    ErrorCode.CONFLICT, "This notice is " + notice.status() + ", not " + expected + ".");
        }
        return notice;
    }

    private static UUID trackIn(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = TRACK_ID.matcher(url);
        return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
    }

    private static Map<String, Object> trackDetail(UUID trackId) {
        return trackId == null ? Map.of() : Map.of("track_id", trackId.toString());
    }

    private String reference() {
        StringBuilder reference = new StringBuilder("DMCA-")
                .append(clock.instant().atZone(ZoneOffset.UTC).getYear())
                .append('-');
        for (int i = 0; i < 8; i++) {
            reference.append(REFERENCE_LETTERS.charAt(random.nextInt(REFERENCE_LETTERS.length())));
        }
        return reference.toString();
    }
}
