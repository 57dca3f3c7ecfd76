package fr.veza.platform.backup;

import fr.veza.platform.storage.BlobStore.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The database copies of a target: {@code database/<UTC time>.zip} and, written after the archive was read back
 * and checked, its {@code .zip.sha256}. An archive without its checksum file is unfinished and never restored.
 */
final class DatabaseArchives {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String ARCHIVE = ".zip";

    private final BackupTarget target;

    DatabaseArchives(BackupTarget target) {
        this.target = target;
    }

    record Archive(String name, String key, String sha256) {}

    String keyFor(Instant takenAt) {
        return target.databasePrefix() + STAMP.format(takenAt) + ARCHIVE;
    }

    void markComplete(String archiveKey, String sha256) throws IOException {
        byte[] line = (sha256 + "\n").getBytes(StandardCharsets.UTF_8);
        target.store().put(archiveKey + ".sha256", new ByteArrayInputStream(line), line.length, "text/plain");
    }

    /** The keys of the finished archives, newest first, and every key under the database prefix, from one listing. */
    private record Listing(List<String> complete, Set<String> keys) {}

    private Listing list() throws IOException {
        Set<String> keys;
        try (Stream<StoredObject> listing = target.store().list(target.databasePrefix())) {
            keys = listing.map(StoredObject::key).collect(Collectors.toSet());
        }
        List<String> complete = keys.stream()
                .filter(key -> key.endsWith(ARCHIVE) && keys.contains(key + ".sha256"))
                .sorted(Comparator.reverseOrder())
                .toList();
        return new Listing(complete, keys);
    }

    /** The newest finished archive, with its checksum. */
    Optional<Archive> latest() throws IOException {
        List<String> complete = list().complete();
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        String key = complete.get(0);
        try (InputStream in = target.store().open(key + ".sha256")) {
            String sha256 = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Optional.of(new Archive(key.substring(target.databasePrefix().length()), key, sha256));
        }
    }

    /** Deletes all but the {@code keep} newest finished archives, and unfinished ones older than the newest. */
    int prune(int keep) throws IOException {
        Listing listing = list();
        List<String> complete = listing.complete();
        int removed = 0;
        for (String old : complete.subList(Math.min(keep, complete.size()), complete.size())) {
            // the checksum first: a half-removed pair is then an unfinished archive, never a restorable one
            target.store().delete(old + ".sha256");
            target.store().delete(old);
            removed++;
        }
        if (!complete.isEmpty()) {
            String newest = complete.get(0);
            List<String> unfinished = listing.keys().stream()
                    .filter(key -> key.endsWith(ARCHIVE) && key.compareTo(newest) < 0 && !complete.contains(key))
                    .toList();
            for (String key : unfinished) {
                target.store().delete(key);
                removed++;
            }
        }
        return removed;
    }
}
