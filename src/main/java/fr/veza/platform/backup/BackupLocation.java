package fr.veza.platform.backup;

import fr.veza.platform.storage.BlobKeys;
import java.nio.file.Path;

/** Where backups go: a directory of the machine (another disk, a mounted share) or a bucket and prefix on S3. */
sealed interface BackupLocation {

    record Directory(Path path) implements BackupLocation {}

    /** @param prefix empty, or key segments ending with a slash */
    record Bucket(String bucket, String prefix) implements BackupLocation {}

    static BackupLocation parse(String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("no backup target");
        }
        if (!target.startsWith("s3://")) {
            return new Directory(Path.of(target).toAbsolutePath().normalize());
        }
        String rest = target.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not a bucket name: " + bucket);
        }
        return new Bucket(bucket, prefix.isEmpty() || prefix.equals("/") ? "" : BlobKeys.requirePrefix(prefix));
    }
}
