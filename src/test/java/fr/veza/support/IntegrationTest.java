package fr.veza.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests on the shared PostgreSQL of the test JVM. Every subclass with the same configuration shares one
 * application context, and all such contexts share the database and the blob store: like instances of one
 * deployment, any of them may process a track another one received.
 */
public abstract class IntegrationTest extends ApplicationTest {

    private static final Path SHARED_BLOBS = Path.of("target", "test-data", "blobs-" + UUID.randomUUID());

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("veza.database.url", TestDatabase::jdbcUrl);
        registry.add(
                "veza.storage.local-dir", () -> SHARED_BLOBS.toAbsolutePath().toString());
    }
}
