package fr.veza.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;

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
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stopAfterTheApplications(postgres);
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * At JVM exit the cached application contexts close one after the other; were the database already gone, each
     * would wait on its pool and its workers, and the test JVM would take minutes to exit. Spring Boot runs its
     * shutdown handlers once every context is closed: the database stops then, or after a minute at most.
     */
    private static void stopAfterTheApplications(EmbeddedPostgres server) {
        CountDownLatch applicationsClosed = new CountDownLatch(1);
        SpringApplication.getShutdownHandlers().add(applicationsClosed::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                applicationsClosed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                server.close();
            } catch (IOException e) {
                // the server is going away with the JVM either way
            }
        }));
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
