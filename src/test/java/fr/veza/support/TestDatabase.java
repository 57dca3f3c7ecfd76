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

    /**
     * A database of its own on the same server, created on first use: for an application context whose event
     * listeners differ from the others', so that no other context's workers pick up its events.
     */
    public static synchronized String jdbcUrl(String database) {
        jdbcUrl();
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException(database);
        }
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }
}
