package fr.veza.privacy.internal;

import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.audit.AuditTrail.AuditEntry;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Asking for an export, listing them, and downloading a finished one: always the caller's own. */
@Service
public class ExportService {

    private static final Duration DAY = Duration.ofDays(1);

    private final ExportRepository exports;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PrivacySettings settings;
    private final Clock clock;

    ExportService(
            ExportRepository exports,
            BlobStore blobs,
            AuditTrail audit,
            TransactionTemplate transactions,
            PrivacySettings settings,
            Clock clock) {
        this.exports = exports;
        this.blobs = blobs;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues an export; the daily limit counts every request of the last 24 hours, whatever became of it. */
    public DataExport request(UUID userId, String ipAddress) {
        return transactions.execute(status -> {
            exports.lockRequestsOf(userId);
            Instant now = clock.instant();
            List<Instant> recent = exports.requestedSince(userId, now.minus(DAY));
            if (recent.size() >= settings.exports().perDay()) {
                Duration wait = Duration.between(now, recent.get(0).plus(DAY));
                throw new RateLimitedException(
                        "At most " + settings.exports().perDay() + " exports a day; try again later.", wait);
            }
            UUID id = UUID.randomUUID();
            exports.insert(id, userId, now);
            audit.record(new AuditEntry(userId, ipAddress, "privacy.export_requested", "data_export", id, Map.of()));
            return exports.find(id).orElseThrow();
        });
    }

    public List<DataExport> list(UUID userId) {
        return exports.byUser(userId, 50);
    }

    public Download download(UUID userId, UUID exportId) throws IOException {
        DataExport export = exports.find(exportId)
                .filter(e -> e.userId().equals(userId))
                .orElseThrow(() -> VezaException.notFound("Export " + exportId));
        if (export.status().equals("expired")
                || (export.expiresAt() != null && !export.expiresAt().isAfter(clock.instant()))) {
            throw new VezaException(ErrorCode.EXPORT_EXPIRED, "This export has expired; ask for a new one.");
        }
        if (!export.status().equals("ready")) {
            throw new VezaException(
                    ErrorCode.EXPORT_NOT_READY, "This export is " + export.status() + "; it is not ready to download.");
        }
        return new Download(export, blobs.open(export.blobKey()));
    }

    public record Download(DataExport export, InputStream content) {}
}
