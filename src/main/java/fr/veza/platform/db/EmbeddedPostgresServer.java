package fr.veza.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL run by Veza itself when no external database is configured; its data stays on disk.
 * With an external database it is {@link #notNeeded()} and does nothing.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final EmbeddedPostgresLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, EmbeddedPostgresLock lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    static EmbeddedPostgresServer notNeeded() {
        return new EmbeddedPostgresServer(null, null);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, first stopping one that a killed server left running there; refuses
     * with {@link DataDirectoryInUseException} while another live server uses the directory. The lock lives beside
     * the directory because initdb needs an empty one.
     */
    static EmbeddedPostgresServer start(Path dataDirectory) {
        EmbeddedPostgresLock lock = null;
        try {
            Files.createDirectories(dataDirectory);
            lock = EmbeddedPostgresLock.acquire(dataDirectory.toAbsolutePath().getParent());
            LeftoverPostmaster.clear(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    // the library starts PostgreSQL with -F (no fsync) and asynchronous commits, fine for tests; a
                    // server's committed payments must survive a power cut, not only a killed process
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Spring stops it after the pool closes; the library's own hook would kill it mid-shutdown
                    .setRegisterShutdownHook(false)
                    .start();
            log.info(
                    "embedded PostgreSQL started dataDir={} port={} (set DATABASE_URL for an external one)",
                    dataDirectory.toAbsolutePath(),
                    postgres.getPort());
            return new EmbeddedPostgresServer(postgres, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("embedded PostgreSQL could not start in " + dataDirectory, (IOException) e);
        }
    }

    boolean isRunning() {
        return postgres != null;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        } finally {
            lock.close();
        }
    }

    private static void closeQuietly(EmbeddedPostgresLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL: could not release {}", EmbeddedPostgresLock.FILE_NAME, e);
        }
    }
}
