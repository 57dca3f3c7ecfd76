package fr.veza.platform.backup;

import ch.qos.logback.classic.Level;
import fr.veza.platform.config.Secret;
import fr.veza.platform.db.DataDirectoryInUseException;
import fr.veza.platform.db.EmbeddedDatabase;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.BlobStore.StoredObject;
import fr.veza.platform.storage.BlobStores;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar veza.jar restore --from <BACKUP_TARGET> --to <data dir> [--force]}: brings back the newest
 * database copy and the objects of the store into a data directory that Veza then starts on. Each database copy is
 * checked against its checksum, and each object against the checksum its manifest row holds; objects the manifest
 * says were deleted from the store (an erased account's, a removed track's) are not brought back.
 */
public final class RestoreCommand {

    private final PrintStream out;
    private final Function<String, String> environment;

    RestoreCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    /** The command's exit status: 0 restored, 1 refused or failed, 2 a usage error. */
    public static int run(String[] args, PrintStream out) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        return new RestoreCommand(out, System::getenv).execute(args);
    }

    int execute(String[] args) {
        String from = null;
        String to = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = i + 1 < args.length ? args[++i] : null;
                case "--to" -> to = i + 1 < args.length ? args[++i] : null;
                case "--force" -> force = true;
                default -> {
                    return usage("unknown argument " + args[i]);
                }
            }
        }
        if (from == null || to == null) {
            return usage("--from and --to are required");
        }
        try {
            return restore(
                    BackupLocation.parse(from), Path.of(to).toAbsolutePath().normalize(), force);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (DataDirectoryInUseException e) {
            out.println("restore refused: " + e.getMessage() + "; stop it first");
            return 1;
        } catch (Exception e) {
            out.println("restore failed: " + e + (e.getCause() != null ? ", caused by " + e.getCause() : ""));
            return 1;
        }
    }

    private int usage(String problem) {
        out.println(problem);
        out.println("usage: java -jar veza.jar restore --from <BACKUP_TARGET> --to <data dir> [--force]");
        return 2;
    }

    private int restore(BackupLocation location, Path dataDir, boolean force) throws Exception {
        BlobStore store = BackupTarget.storeAt(location, s3Access(), true, Optional.empty());
        Optional<BackupTarget> found = BackupTarget.existing(store, BackupTarget.prefixOf(location));
        if (found.isEmpty()) {
            out.println("restore refused: no Veza backup at " + location);
            return 1;
        }
        BackupTarget target = found.get();
        if (hasContent(dataDir) && !force) {
            out.println("restore refused: " + dataDir + " is not empty; --force replaces its database and files");
            return 1;
        }
        Optional<DatabaseArchives.Archive> archive = new DatabaseArchives(target).latest();
        try (AutoCloseable claimed = EmbeddedDatabase.claimForReplacement(dataDir)) {
            deleteTree(EmbeddedDatabase.directoryIn(dataDir));
            deleteTree(dataDir.resolve("blobs"));
            if (archive.isPresent() && !unpack(target, archive.get(), dataDir)) {
                return 1;
            }
        }
        Outcome outcome;
        if (archive.isPresent()) {
            // PostgreSQL replays the copy's WAL here; the restored manifest then says what to bring back
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
                JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl()));
                // the locks were the old machine's: its workers are not running here
                jdbc.sql("DELETE FROM shedlock").update();
                outcome = restoreObjects(target, Optional.of(new BackupManifest(jdbc)), dataDir.resolve("blobs"));
            }
            out.println("database restored from " + archive.get().name());
        } else {
            out.println("no database copy in the backup (an external PostgreSQL is restored with its own tools)");
            try (AutoCloseable claimed = EmbeddedDatabase.claimForReplacement(dataDir)) {
                outcome = restoreObjects(target, Optional.empty(), dataDir.resolve("blobs"));
            }
        }
        out.printf(
                "objects restored=%d skipped as deleted=%d checksum mismatches=%d%n",
                outcome.restored, outcome.deleted, outcome.mismatches.size());
        outcome.mismatches.forEach(key -> out.println("  checksum mismatch, not restored: " + key));
        if (!outcome.mismatches.isEmpty()) {
            return 1;
        }
        out.println("restored into " + dataDir + "; start Veza with VEZA_DATA_DIR=" + dataDir);
        return 0;
    }

    private boolean unpack(BackupTarget target, DatabaseArchives.Archive archive, Path dataDir) throws IOException {
        Path work = Files.createDirectories(dataDir.resolve("restore-work"));
        Path copy = work.resolve("database.zip");
        try {
            String sha256;
            try (DigestInputStream in = new DigestInputStream(target.store().open(archive.key()), Checksums.sha256())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
            }
            if (!sha256.equals(archive.sha256())) {
                out.println("restore failed: the database copy " + archive.name() + " differs from its checksum");
                return false;
            }
            Path postgres = Files.createDirectories(EmbeddedDatabase.directoryIn(dataDir));
            unzip(copy, postgres);
            // PostgreSQL refuses a data directory others may read
            Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwx------"));
            return true;
        } finally {
            deleteTree(work);
        }
    }

    private static void unzip(Path archive, Path directory) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path path = directory.resolve(entry.getName()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException("unsafe entry in the database copy: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(zip, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static final class Outcome {
        int restored;
        int deleted;
        final List<String> mismatches = new ArrayList<>();
    }

    private static Outcome restoreObjects(BackupTarget target, Optional<BackupManifest> manifest, Path blobsDir)
            throws IOException {
        BlobStore destination = BlobStores.directory(blobsDir);
        String blobs = target.prefix() + BackupTarget.BLOBS;
        Outcome outcome = new Outcome();
        try (Stream<StoredObject> listing = target.store().list(blobs)) {
            Iterator<StoredObject> objects = listing.iterator();
            while (objects.hasNext()) {
                List<StoredObject> batch = new ArrayList<>(BlobBackup.BATCH);
                while (objects.hasNext() && batch.size() < BlobBackup.BATCH) {
                    batch.add(objects.next());
                }
                List<String> keys = batch.stream()
                        .map(o -> o.key().substring(blobs.length()))
                        .toList();
                Map<String, BackupManifest.Entry> known =
                        manifest.map(m -> m.find(target.id(), keys)).orElse(Map.of());
                for (int i = 0; i < batch.size(); i++) {
                    restoreObject(target, destination, batch.get(i), keys.get(i), known.get(keys.get(i)), outcome);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return outcome;
    }

    private static void restoreObject(
            BackupTarget target,
            BlobStore destination,
            StoredObject copy,
            String key,
            BackupManifest.Entry entry,
            Outcome outcome)
            throws IOException {
        if (entry != null && entry.missingSince() != null) {
            outcome.deleted++;
            return;
        }
        String sha256;
        try (DigestInputStream in = new DigestInputStream(target.store().open(copy.key()), Checksums.sha256())) {
            destination.put(key, in, copy.size(), null);
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        if (entry != null && !entry.sha256().equals(sha256)) {
            destination.delete(key);
            outcome.mismatches.add(key);
            return;
        }
        outcome.restored++;
    }

    private BackupTarget.S3Access s3Access() {
        String ownEndpoint = environment.apply("BACKUP_S3_ENDPOINT");
        String ownKey = environment.apply("BACKUP_S3_ACCESS_KEY");
        boolean own = present(ownEndpoint) || present(ownKey);
        String endpoint = present(ownEndpoint) ? ownEndpoint : environment.apply("S3_ENDPOINT");
        String region = environment.apply("S3_REGION");
        String pathStyle = environment.apply("S3_PATH_STYLE");
        return new BackupTarget.S3Access(
                present(endpoint) ? URI.create(endpoint) : null,
                present(region) ? region : "us-east-1",
                secret(own ? ownKey : environment.apply("S3_ACCESS_KEY")),
                secret(own ? environment.apply("BACKUP_S3_SECRET_KEY") : environment.apply("S3_SECRET_KEY")),
                !present(pathStyle) || Boolean.parseBoolean(pathStyle));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Secret secret(String value) {
        return present(value) ? new Secret(value) : null;
    }

    private static boolean hasContent(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.anyMatch(entry -> !entry.getFileName().toString().equals("veza.lock"));
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
