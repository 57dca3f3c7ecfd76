package fr.veza.platform.backup;

import fr.veza.platform.config.Secret;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.BlobStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * An opened backup target and its layout: {@code blobs/<key>} for the store's objects, {@code database/} for the
 * database copies, and a {@code veza-backup-id} that names the target in the manifest, so that a directory moved to
 * another disk is still the same backup and a new target starts a full copy.
 */
record BackupTarget(String id, BlobStore store, String prefix) {

    static final String BLOBS = "blobs/";
    static final String DATABASE = "database/";
    private static final String ID_FILE = "veza-backup-id";

    /** How to reach an S3 service; empty keys use the default AWS credential chain. */
    record S3Access(URI endpoint, String region, Secret accessKey, Secret secretKey, boolean pathStyle) {}

    /**
     * Opens the location; {@code source} is the store being backed up, whose S3 client is reused for a bucket of the
     * same service (so copies stay server-side) unless {@code ownService} says the target is elsewhere.
     */
    static BlobStore storeAt(BackupLocation location, S3Access s3, boolean ownService, Optional<BlobStore> source)
            throws IOException {
        if (location instanceof BackupLocation.Directory directory) {
            return BlobStores.directory(directory.path());
        }
        String bucket = ((BackupLocation.Bucket) location).bucket();
        Optional<BlobStore> sameService =
                ownService ? Optional.empty() : source.flatMap(store -> BlobStores.sameService(store, bucket));
        return sameService.orElseGet(() ->
                BlobStores.s3(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(), s3.pathStyle(), bucket));
    }

    static String prefixOf(BackupLocation location) {
        return location instanceof BackupLocation.Bucket bucket ? bucket.prefix() : "";
    }

    /** The target with its id, given to it on first use. */
    static BackupTarget claim(BlobStore store, String prefix) throws IOException {
        Optional<String> id = readId(store, prefix);
        if (id.isPresent()) {
            return new BackupTarget(id.get(), store, prefix);
        }
        String fresh = UUID.randomUUID().toString();
        byte[] bytes = fresh.getBytes(StandardCharsets.UTF_8);
        store.put(prefix + ID_FILE, new ByteArrayInputStream(bytes), bytes.length, "text/plain");
        return new BackupTarget(fresh, store, prefix);
    }

    /** The target as a restore finds it: without an id when it holds no backup of Veza's. */
    static Optional<BackupTarget> existing(BlobStore store, String prefix) throws IOException {
        return readId(store, prefix).map(id -> new BackupTarget(id, store, prefix));
    }

    private static Optional<String> readId(BlobStore store, String prefix) throws IOException {
        if (!store.exists(prefix + ID_FILE)) {
            return Optional.empty();
        }
        try (InputStream in = store.open(prefix + ID_FILE)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    String blobKey(String key) {
        return prefix + BLOBS + key;
    }

    String databasePrefix() {
        return prefix + DATABASE;
    }
}
