package fr.veza.support;

import com.adobe.testing.s3mock.S3MockApplication;
import fr.veza.platform.config.Secret;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.BlobStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One S3 API for the whole test JVM (Adobe S3Mock, in process), with a few buckets made at start. */
public final class TestS3 {

    public static final List<String> BUCKETS = List.of("veza-test", "veza-source", "veza-backups");

    private static final List<String> VEZA_ONLY_AUTOCONFIGURATION = List.of(
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

    private static S3MockApplication s3mock;

    private TestS3() {}

    public static synchronized URI endpoint() {
        if (s3mock == null) {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    S3MockApplication.PROP_HTTP_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_INITIAL_BUCKETS,
                    String.join(",", BUCKETS),
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
        }
        return URI.create("http://localhost:" + s3mock.getHttpPort());
    }

    public static Secret accessKey() {
        return new Secret("test-access");
    }

    public static Secret secretKey() {
        return new Secret("test-secret");
    }

    /** A store on one of {@link #BUCKETS}, with a client of its own. */
    public static BlobStore bucket(String name) {
        return BlobStores.s3(endpoint(), "us-east-1", accessKey(), secretKey(), true, name);
    }
}
