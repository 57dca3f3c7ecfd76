package fr.veza.platform.storage;

import com.adobe.testing.s3mock.S3MockApplication;
import fr.veza.platform.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same contract against an S3 API (Adobe S3Mock, in this JVM). */
class S3BlobStoreIntegrationTests extends BlobStoreContract {

    private static S3MockApplication s3mock;
    private static S3BlobStore store;

    private static final java.util.List<String> VEZA_ONLY_AUTOCONFIGURATION = java.util.List.of(
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration");

    @BeforeAll
    static void startS3() {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT,
                S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT,
                S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_INITIAL_BUCKETS,
                "veza-test",
                S3MockApplication.PROP_ROOT_DIRECTORY,
                Path.of("target", "s3mock").toAbsolutePath().toString(),
                S3MockApplication.PROP_SILENT,
                true));
        // S3Mock is a Spring Boot application on Veza's classpath: keep Veza's configuration and stores out of it
        properties.put("spring.config.name", "s3mock");
        properties.put("com.adobe.testing.s3mock.region", "us-east-1");
        properties.put("spring.jmx.enabled", false);
        properties.put("spring.autoconfigure.exclude", String.join(",", VEZA_ONLY_AUTOCONFIGURATION));
        s3mock = S3MockApplication.start(properties);
        StorageSettings settings = new StorageSettings(
                StorageSettings.Backend.S3,
                null,
                URI.create("http://localhost:" + s3mock.getHttpPort()),
                "us-east-1",
                "veza-test",
                new Secret("test-access"),
                new Secret("test-secret"),
                true);
        store = new S3BlobStore(StorageConfiguration.s3Client(settings), "veza-test");
    }

    @AfterAll
    static void stopS3() {
        if (s3mock != null) {
            s3mock.stop();
        }
    }

    @Override
    BlobStore store() {
        return store;
    }
}
