package fr.veza.privacy.internal;

import fr.veza.identity.Accounts;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.cache.UserCache;
import fr.veza.platform.privacy.PersonalData;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.privacy.internal.ErasureRepository.Erasure;
import fr.veza.search.SearchErasure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases closed accounts whose recovery deadline passed, from every store. For each account: the ids of its
 * search documents are collected first (the rows stop saying whose they are); then, in one PostgreSQL transaction,
 * every capability erases its rows and the erasure is recorded with the stores still to clean; then the cache
 * ({@code user:{id}:*}, SCAN never KEYS) and the search index. Each store is tried whatever happened to the other,
 * and one that failed stays recorded as pending, so the next run tries it again: partial progress, never a row no
 * run can finish. A second run over an erased account finds nothing to do.
 */
@Component
class HardDeleteWorker implements PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(HardDeleteWorker.class);

    private final Accounts accounts;
    private final List<PersonalData> personalData;
    private final ErasureRepository erasures;
    private final UserCache cache;
    private final SearchErasure search;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PrivacySettings settings;
    private final Clock clock;

    HardDeleteWorker(
            Accounts accounts,
            List<PersonalData> personalData,
            ErasureRepository erasures,
            UserCache cache,
            SearchErasure search,
            AuditTrail audit,
            TransactionTemplate transactions,
            PrivacySettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.personalData = personalData;
        this.erasures = erasures;
        this.cache = cache;
        this.search = search;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "hard-delete";
    }

    @Override
    public Duration interval() {
        return settings.hardDelete().interval();
    }

    @Override
    public boolean enabled() {
        return settings.hardDelete().enabled();
    }

    @Override
    public Duration maxRunTime() {
        return Duration.ofMinutes(30);
    }

    @Override
    public WorkReport run(WorkerRun run) {
        int erased = 0;
        int failed = 0;
        for (UUID userId : accounts.pastRecoveryDeadline(
                run.startedAt(), settings.hardDelete().batchSize())) {
            if (run.stopping()) {
                break;
            }
            try {
                eraseFromDatabase(userId);
                erased++;
            } catch (RuntimeException e) {
                // the transaction rolled back: the account is still past its deadline and the next run tries again
                failed++;
                log.error("hard-delete user_id={} database erasure failed error={}", userId, e.toString());
            }
        }
        for (Erasure erasure : erasures.pending(settings.hardDelete().batchSize())) {
            if (run.stopping()) {
                break;
            }
            if (!cleanStores(erasure)) {
                failed++;
            }
        }
        return new WorkReport(erased, failed);
    }

    private void eraseFromDatabase(UUID userId) {
        List<UUID> trackIds = new ArrayList<>();
        List<UUID> playlistIds = new ArrayList<>();
        for (PersonalData data : personalData) {
            Map<String, List<UUID>> documents = data.indexedDocuments(userId);
            trackIds.addAll(documents.getOrDefault("tracks", List.of()));
            playlistIds.addAll(documents.getOrDefault("playlists", List.of()));
        }
        Map<String, Integer> removed = new LinkedHashMap<>();
        transactions.executeWithoutResult(status -> {
            personalData.forEach(data -> data.erase(userId).forEach((kind, n) -> removed.merge(kind, n, Integer::sum)));
            erasures.insert(userId, clock.instant(), trackIds, playlistIds);
            audit.record(new AuditEntry(null, null, "user.erased", "user", userId, Map.copyOf(removed)));
        });
        log.info(
                "hard-delete user_id={} database erased {} search_documents={}",
                userId,
                removed,
                trackIds.size() + playlistIds.size() + 1);
    }

    /** True when every store is clean now. */
    boolean cleanStores(Erasure erasure) {
        List<String> pending = new ArrayList<>(erasure.pendingStores());
        String firstError = null;
        if (pending.contains(ErasureRepository.CACHE)) {
            try {
                long keys = cache.evictAll(erasure.userId());
                pending.remove(ErasureRepository.CACHE);
                log.info("hard-delete user_id={} cache keys_removed={}", erasure.userId(), keys);
            } catch (RuntimeException e) {
                firstError = "cache: " + e;
                log.warn("hard-delete user_id={} cache not cleaned error={}", erasure.userId(), e.toString());
            }
        }
        if (pending.contains(ErasureRepository.SEARCH)) {
            Exception failure = search.erase(erasure.userId(), erasure.trackIds(), erasure.playlistIds());
            if (failure == null) {
                pending.remove(ErasureRepository.SEARCH);
                log.info(
                        "hard-delete user_id={} search documents removed: user, tracks={}, playlists={}",
                        erasure.userId(),
                        erasure.trackIds().size(),
                        erasure.playlistIds().size());
            } else if (firstError == null) {
                firstError = "search: " + failure;
            }
        }
        erasures.recordAttempt(erasure.userId(), pending, firstError);
        return pending.isEmpty();
    }
}
