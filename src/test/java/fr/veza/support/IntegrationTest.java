package fr.veza.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests on the shared PostgreSQL of the test JVM. Every subclass with the same configuration shares one
 * application context, and all such contexts share the database.
 */
public abstract class IntegrationTest extends ApplicationTest {

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("veza.database.url", TestDatabase::jdbcUrl);
    }
}
