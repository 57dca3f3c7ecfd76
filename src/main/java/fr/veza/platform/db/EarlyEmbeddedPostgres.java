package fr.veza.platform.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is read, so that the database
 * comes up (an initdb on the first start) while Spring reads and builds the rest of the application, instead of
 * after it: seconds of a start on a two-core machine. The data source then takes the running server; if the start
 * fails before that, the server is stopped rather than left running.
 */
final class EarlyEmbeddedPostgres implements SmartApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);
    private static final Map<Path, CompletableFuture<EmbeddedPostgresServer>> STARTING = new ConcurrentHashMap<>();

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            directoryOf(prepared.getEnvironment())
                    .ifPresent(directory -> STARTING.computeIfAbsent(
                            directory,
                            key -> CompletableFuture.supplyAsync(
                                    () -> EmbeddedPostgresServer.start(key),
                                    task -> new Thread(task, "embedded-postgres-start").start())));
        } else if (event instanceof ApplicationFailedEvent) {
            STARTING.keySet().forEach(EarlyEmbeddedPostgres::stopUntaken);
        }
    }

    /** The server started early on this directory, or one started now. */
    static EmbeddedPostgresServer take(Path dataDirectory) {
        CompletableFuture<EmbeddedPostgresServer> early = STARTING.remove(key(dataDirectory));
        if (early == null) {
            return EmbeddedPostgresServer.start(dataDirectory);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static java.util.Optional<Path> directoryOf(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        String url = binder.bind("veza.database.url", String.class).orElse("");
        if (!url.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(
                        binder.bind("veza.platform.data-dir", Path.class).orElse(null))
                .map(dataDir -> key(EmbeddedDatabase.directoryIn(dataDir)));
    }

    private static Path key(Path directory) {
        return directory.toAbsolutePath().normalize();
    }

    private static void stopUntaken(Path directory) {
        CompletableFuture<EmbeddedPostgresServer> early = STARTING.remove(directory);
        if (early == null) {
            return;
        }
        try {
            early.join().close();
        } catch (CompletionException | IOException e) {
            log.warn("embedded PostgreSQL started early could not be stopped: {}", e.toString());
        }
    }
}
