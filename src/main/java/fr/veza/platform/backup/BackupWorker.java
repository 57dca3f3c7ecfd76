package fr.veza.platform.backup;

import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.db.DatabaseSettings;
import fr.veza.platform.db.EmbeddedDatabase;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.StorageSettings;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The backup: with the embedded PostgreSQL, a consistent copy of the database first (so every object its rows name
 * was in the store before the copy of the store began), then an incremental pass over the blob store. One instance
 * at a time, under the scheduler's lock.
 */
@Component
class BackupWorker implements PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(BackupWorker.class);

    private final BackupSettings settings;
    private final StorageSettings storage;
    private final BlobStore blobs;
    private final BackupManifest manifest;
    private final DataSource dataSource;
    private final Optional<Path> embeddedDatabase;
    private final Path workDirectory;
    private final Counter objectsCopied;
    private final Counter bytesCopied;
    private final Counter objectsPurged;
    private final Counter mismatches;
    private final AtomicLong lastComplete = new AtomicLong();
    private final Clock clock;
    private volatile BackupTarget target;

    BackupWorker(
            BackupSettings settings,
            StorageSettings storage,
            PlatformSettings platform,
            DatabaseSettings database,
            BlobStore blobs,
            JdbcClient jdbc,
            DataSource dataSource,
            MeterRegistry meters,
            Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.storage = storage;
        this.blobs = blobs;
        this.manifest = new BackupManifest(jdbc);
        this.dataSource = dataSource;
        Path dataDir = platform.dataDir().toAbsolutePath().normalize();
        this.embeddedDatabase =
                database.isEmbedded() ? Optional.of(EmbeddedDatabase.directoryIn(dataDir)) : Optional.empty();
        this.workDirectory = dataDir.resolve("backup-work");
        if (settings.enabled()
                && settings.location() instanceof BackupLocation.Directory directory
                && (directory.path().startsWith(dataDir) || dataDir.startsWith(directory.path()))) {
            throw new IllegalStateException("BACKUP_TARGET " + directory.path() + " must be outside VEZA_DATA_DIR "
                    + dataDir + ": a restore replaces the data directory");
        }
        this.objectsCopied = Counter.builder("veza.backup.objects.copied").register(meters);
        this.bytesCopied =
                Counter.builder("veza.backup.bytes.copied").baseUnit("bytes").register(meters);
        this.objectsPurged = Counter.builder("veza.backup.objects.purged")
                .description("objects deleted from the store that left the backup after BACKUP_RETENTION")
                .register(meters);
        this.mismatches = Counter.builder("veza.backup.checksum.mismatches").register(meters);
        Gauge.builder("veza.backup.last.complete.seconds", lastComplete, AtomicLong::get)
                .description("when the last complete backup ended, in seconds since the epoch (0: none yet)")
                .register(meters);
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Duration maxRunTime() {
        return Duration.ofHours(6);
    }

    @Override
    public WorkReport run(WorkerRun run) {
        try {
            BackupTarget backupTarget = target();
            String database = embeddedDatabase.isPresent() ? backUpDatabase(backupTarget, run.startedAt()) : "external";
            BlobBackup.Pass pass =
                    new BlobBackup(blobs, backupTarget, manifest, settings.retention(), settings.interval()).run(run);
            objectsCopied.increment(pass.copied());
            bytesCopied.increment(pass.bytesCopied());
            objectsPurged.increment(pass.purged());
            mismatches.increment(pass.mismatches());
            if (pass.complete() && pass.failed() == 0 && pass.mismatches() == 0) {
                lastComplete.set(clock.instant().getEpochSecond());
            }
            log.info(
                    "backup target={} database={} copied={} bytes={} unchanged={} missing={} purged={} verified={}"
                            + " mismatches={} failed={} complete={}",
                    settings.target(),
                    database,
                    pass.copied(),
                    pass.bytesCopied(),
                    pass.unchanged(),
                    pass.markedMissing(),
                    pass.purged(),
                    pass.verified(),
                    pass.mismatches(),
                    pass.failed(),
                    pass.complete());
            int databaseCopies = embeddedDatabase.isPresent() ? 1 : 0;
            return new WorkReport(pass.copied() + pass.purged() + databaseCopies, pass.failed() + pass.mismatches());
        } catch (IOException | UncheckedIOException e) {
            log.warn("backup target={} failed, the next run tries again error={}", settings.target(), e.toString());
            return new WorkReport(0, 1);
        }
    }

    private BackupTarget target() throws IOException {
        if (target == null) {
            BackupLocation location = settings.location();
            BackupTarget.S3Access access = new BackupTarget.S3Access(
                    settings.s3Endpoint() != null ? settings.s3Endpoint() : storage.s3Endpoint(),
                    storage.s3Region(),
                    settings.hasOwnS3Service() ? settings.s3AccessKey() : storage.s3AccessKey(),
                    settings.hasOwnS3Service() ? settings.s3SecretKey() : storage.s3SecretKey(),
                    storage.s3PathStyle());
            BlobStore store = BackupTarget.storeAt(location, access, settings.hasOwnS3Service(), Optional.of(blobs));
            target = BackupTarget.claim(store, BackupTarget.prefixOf(location));
        }
        return target;
    }

    /** Writes the copy to a local file first (an S3 upload needs its length), checks it in the target, then keeps the last few. */
    private String backUpDatabase(BackupTarget backupTarget, Instant now) throws IOException {
        DatabaseArchives archives = new DatabaseArchives(backupTarget);
        String key = archives.keyFor(now);
        Files.createDirectories(workDirectory);
        Path archive = Files.createTempFile(workDirectory, "database-", ".zip");
        try {
            String sha256;
            try (OutputStream out = Files.newOutputStream(archive)) {
                sha256 = new DatabaseBackup(dataSource, embeddedDatabase.orElseThrow()).writeTo(out);
            }
            backupTarget.store().put(key, archive, "application/zip");
            if (!Checksums.of(backupTarget.store().open(key)).equals(sha256)) {
                throw new IOException("the database copy read back from " + key + " differs from what was written");
            }
            archives.markComplete(key, sha256);
            archives.prune(settings.keep());
            return key + " (" + Files.size(archive) + " bytes)";
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
