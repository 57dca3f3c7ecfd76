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

    /** Finished archives, newest first. */
    List<Archive> complete() throws IOException {
        Set<String> keys;
        try (Stream<StoredObject> listing = target.store().list(target.databasePrefix())) {
            keys = listing.map(StoredObject::key).collect(Collectors.toSet());
        }
        List<String> archives = keys.stream()
                .filter(key -> key.endsWith(ARCHIVE) && keys.contains(key + ".sha256"))
                .sorted(Comparator.reverseOrder())
                .toList();
        java.util.ArrayList<Archive> complete = new java.util.ArrayList<>();
        for (String key : archives) {
            try (InputStream in = target.store().open(key + ".sha256")) {
                String sha256 = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                String name = key.substring(target.databasePrefix().length());
                complete.add(new Archive(name, key, sha256));
            }
        }
        return complete;
    }

    Optional<Archive> latest() throws IOException {
        return complete().stream().findFirst();
    }

    /** Deletes all but the {@code keep} newest finished archives, and unfinished ones older than the newest. */
    int prune(int keep) throws IOException {
        List<Archive> complete = complete();
        int removed = 0;
        for (Archive old : complete.subList(Math.min(keep, complete.size()), complete.size())) {
            // the checksum first: a half-removed pair is then an unfinished archive, never a restorable one
            target.store().delete(old.key() + ".sha256");
            target.store().delete(old.key());
            removed++;
        }
        if (!complete.isEmpty()) {
            String newest = complete.get(0).key();
            List<String> unfinished;
            try (Stream<StoredObject> listing = target.store().list(target.databasePrefix())) {
                unfinished = listing.map(StoredObject::key)
                        .filter(key -> key.endsWith(ARCHIVE) && key.compareTo(newest) < 0)
                        .filter(key -> complete.stream()
                                .noneMatch(archive -> archive.key().equals(key)))
                        .toList();
            }
            for (String key : unfinished) {
                target.store().delete(key);
                removed++;
            }
        }
        return removed;
    }
}
