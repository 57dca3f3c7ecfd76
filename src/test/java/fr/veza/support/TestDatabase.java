package fr.veza.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/** One real PostgreSQL for the whole test JVM, shared by every application context the tests start. */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Path.of("target", "test-data", "postgres-" + UUID.randomUUID()))
                        .setCleanDataDirectory(true)
                        .setPort(0)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
