package fr.veza.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded PostgreSQL as seen from outside a running server: where it lives in a data directory, for backup and restore. */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgresServer server;

    private EmbeddedDatabase(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public static Path directoryIn(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    /**
     * Starts PostgreSQL on the data directory's database, as a server start would: a copy restored from a backup
     * replays its WAL here and is then a consistent database.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        return new EmbeddedDatabase(EmbeddedPostgresServer.start(directoryIn(dataDir)));
    }

    /** For the server's own start: brings the embedded PostgreSQL up while the rest of the application is built. */
    public static org.springframework.context.ApplicationListener<?> startEarly() {
        return new EarlyEmbeddedPostgres();
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    /**
     * Holds the data directory's lock while its contents are replaced, after stopping a PostgreSQL that a killed
     * server left running there; throws {@link DataDirectoryInUseException} while a live Veza uses it.
     */
    public static AutoCloseable claimForReplacement(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgresLock lock = EmbeddedPostgresLock.acquire(dataDir.toAbsolutePath());
        try {
            if (Files.isDirectory(directoryIn(dataDir))) {
                LeftoverPostmaster.clear(directoryIn(dataDir));
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
