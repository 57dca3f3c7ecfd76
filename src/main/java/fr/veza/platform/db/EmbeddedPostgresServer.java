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

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer notNeeded() {
        return new EmbeddedPostgresServer(null);
    }

    static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    // Spring stops it after the pool closes; the library's own hook would kill it mid-shutdown
                    .setRegisterShutdownHook(false)
                    .start();
            log.info(
                    "embedded PostgreSQL started dataDir={} port={} (set DATABASE_URL for an external one)",
                    dataDirectory.toAbsolutePath(),
                    postgres.getPort());
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL could not start in " + dataDirectory, e);
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
        postgres.close();
        log.info("embedded PostgreSQL stopped");
    }
}
