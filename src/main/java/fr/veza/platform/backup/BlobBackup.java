package fr.veza.platform.backup;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.BlobStore.StoredObject;
import fr.veza.platform.worker.WorkerRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incremental pass over the blob store: copies what is new or changed since the last pass, checks every copy's
 * SHA-256 against the source's, re-checks a rolling share of older copies, and lets objects gone from the store leave
 * the backup once the retention has passed. The listing is read in batches and the manifest is written object by
 * object, so a pass cut anywhere (a crash, a shutdown) leaves only finished copies recorded and the next pass goes on
 * from there; no transaction or lock is held across a batch.
 */
final class BlobBackup {

    private static final Logger log = LoggerFactory.getLogger(BlobBackup.class);
    static final int BATCH = 500;
    private static final int MIN_VERIFIED_PER_PASS = 100;

    private final BlobStore source;
    private final BackupTarget target;
    private final BackupManifest manifest;
    private final Duration retention;
    private final Duration interval;

    BlobBackup(BlobStore source, BackupTarget target, BackupManifest manifest, Duration retention, Duration interval) {
        this.source = source;
        this.target = target;
        this.manifest = manifest;
        this.retention = retention;
        this.interval = interval;
    }

    record Pass(
            int copied,
            long bytesCopied,
            int unchanged,
            int markedMissing,
            int purged,
            int verified,
            int mismatches,
            int failed,
            boolean complete) {}

    private static final class Counts {
        int copied;
        long bytes;
        int unchanged;
        int missing;
        int purged;
        int verified;
        int mismatches;
        int failed;
    }

    Pass run(WorkerRun run) throws IOException {
        Instant now = run.startedAt();
        Counts counts = new Counts();
        boolean complete = copyNewAndChanged(run, now, counts);
        if (complete) {
            // only a whole listing may say what is gone: a cut one has simply not reached it
            counts.missing = manifest.markMissing(target.id(), now);
        }
        if (!run.stopping()) {
            purgeExpired(now, counts);
        }
        if (!run.stopping()) {
            verifyOlderCopies(run, now, counts);
        }
        return new Pass(
                counts.copied,
                counts.bytes,
                counts.unchanged,
                counts.missing,
                counts.purged,
                counts.verified,
                counts.mismatches,
                counts.failed,
                complete && !run.stopping());
    }

    private boolean copyNewAndChanged(WorkerRun run, Instant now, Counts counts) throws IOException {
        try (Stream<StoredObject> listing = source.list("")) {
            Iterator<StoredObject> objects = listing.iterator();
            while (objects.hasNext()) {
                if (run.stopping()) {
                    return false;
                }
                List<StoredObject> batch = new ArrayList<>(BATCH);
                while (objects.hasNext() && batch.size() < BATCH) {
                    batch.add(objects.next());
                }
                copyBatch(batch, now, counts);
            }
            return true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void copyBatch(List<StoredObject> batch, Instant now, Counts counts) {
        Map<String, BackupManifest.Entry> known =
                manifest.find(target.id(), batch.stream().map(StoredObject::key).toList());
        List<String> seen = new ArrayList<>(batch.size());
        for (StoredObject object : batch) {
            BackupManifest.Entry entry = known.get(object.key());
            if (entry != null && entry.describes(object)) {
                counts.unchanged++;
                seen.add(object.key());
                continue;
            }
            try {
                String sha256 = copy(object);
                manifest.record(target.id(), object, sha256, now);
                counts.copied++;
                counts.bytes += object.size();
            } catch (IOException | ChecksumMismatchException e) {
                counts.failed++;
                if (entry != null) {
                    seen.add(object.key());
                }
                log.warn("backup object={} not copied, the next run tries again error={}", object.key(), e.toString());
            }
        }
        manifest.markSeen(target.id(), seen, now);
    }

    /** Copies one object and returns its checksum, read on both sides. */
    private String copy(StoredObject object) throws IOException {
        String targetKey = target.blobKey(object.key());
        String sourceSha256;
        if (source.copyWithinService(object.key(), target.store(), targetKey)) {
            sourceSha256 = Checksums.of(source.open(object.key()));
        } else {
            try (DigestInputStream in = new DigestInputStream(source.open(object.key()), Checksums.sha256())) {
                target.store().put(targetKey, in, object.size(), null);
                sourceSha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
            }
        }
        String copiedSha256 = Checksums.of(target.store().open(targetKey));
        if (!copiedSha256.equals(sourceSha256)) {
            throw new ChecksumMismatchException(object.key());
        }
        return sourceSha256;
    }

    private void purgeExpired(Instant now, Counts counts) {
        List<String> expired;
        do {
            expired = manifest.missingSince(target.id(), now.minus(retention), BATCH);
            for (String key : expired) {
                try {
                    target.store().delete(target.blobKey(key));
                    manifest.remove(target.id(), key);
                    counts.purged++;
                } catch (IOException e) {
                    counts.failed++;
                    log.warn(
                            "backup object={} not removed after the retention, the next run tries again error={}",
                            key,
                            e.toString());
                    return;
                }
            }
        } while (expired.size() == BATCH);
    }

    /**
     * Reads back enough older copies that every copy is checked at least once per retention period: a disk that
     * rots or a bucket edited by hand is found while the source still has the object to copy again.
     */
    private void verifyOlderCopies(WorkerRun run, Instant now, Counts counts) {
        long passesPerRetention = Math.max(1, retention.toSeconds() / Math.max(1, interval.toSeconds()));
        long share = (manifest.count(target.id()) + passesPerRetention - 1) / passesPerRetention;
        int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_VERIFIED_PER_PASS, share));
        for (BackupManifest.Entry entry : manifest.leastRecentlyVerified(target.id(), now, limit)) {
            if (run.stopping()) {
                return;
            }
            try {
                Optional<String> copied = checksumOfCopy(entry.key());
                if (copied.isPresent() && copied.get().equals(entry.sha256())) {
                    manifest.markVerified(target.id(), entry.key(), now);
                    counts.verified++;
                    continue;
                }
                counts.mismatches++;
                log.warn(
                        "backup object={} copy {} in the backup, copying it again",
                        entry.key(),
                        copied.isPresent() ? "differs from its checksum" : "is missing");
                repair(entry, now, counts);
            } catch (IOException | ChecksumMismatchException e) {
                counts.failed++;
                log.warn("backup object={} not verified, the next run tries again error={}", entry.key(), e.toString());
            }
        }
    }

    private Optional<String> checksumOfCopy(String key) throws IOException {
        String targetKey = target.blobKey(key);
        if (!target.store().exists(targetKey)) {
            return Optional.empty();
        }
        try (InputStream in = target.store().open(targetKey)) {
            return Optional.of(Checksums.of(in));
        }
    }

    private void repair(BackupManifest.Entry entry, Instant now, Counts counts) throws IOException {
        Optional<fr.veza.platform.storage.BlobStore.BlobInfo> current = source.stat(entry.key());
        if (current.isEmpty()) {
            // gone from the store since the listing: the next pass marks it missing
            counts.failed++;
            return;
        }
        StoredObject object = new StoredObject(entry.key(), current.get().size(), entry.sourceModified());
        String sha256 = copy(object);
        manifest.record(target.id(), object, sha256, now);
        counts.copied++;
        counts.bytes += object.size();
    }

    /** The copy read back differs from what was read from the source. */
    static final class ChecksumMismatchException extends RuntimeException {
        ChecksumMismatchException(String key) {
            super("checksum of the copy of " + key + " differs from the source's");
        }
    }
}
