package fr.veza.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.veza.identity.internal.IdentitySettings;
import fr.veza.platform.backup.BackupSettings;
import fr.veza.platform.db.DatabaseSettings;
import fr.veza.platform.events.EventSettings;
import fr.veza.platform.storage.StorageSettings;
import fr.veza.platform.worker.WorkerSettings;
import fr.veza.search.internal.SearchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Starts the real configuration binding (application.yml, converters, validation) with environment variables
 * given on the command line, the way an operator's environment reaches it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PUBLIC_BASE_URL=ftp://example.com | PUBLIC_BASE_URL",
                "HTTP_MAX_BODY_SIZE=-5MB            | HTTP_MAX_BODY_SIZE",
                "TRUSTED_PROXIES=10.0.0.0/8,not-an-ip | TRUSTED_PROXIES",
                "ACCESS_TOKEN_TTL=-5m               | ACCESS_TOKEN_TTL",
                "ACCESS_TOKEN_TTL=soon              | ACCESS_TOKEN_TTL",
                "SESSION_CLEANUP_INTERVAL=0s        | SESSION_CLEANUP_INTERVAL",
                "WORKERS_SHUTDOWN_GRACE=-1s         | WORKERS_SHUTDOWN_GRACE",
                "DATABASE_URL=mysql://db/veza       | DATABASE_URL",
                "DATABASE_POOL_SIZE=0               | DATABASE_POOL_SIZE",
                "REDIS_URL=http://cache:6379        | REDIS_URL",
                "APP_ENV=staging                    | APP_ENV",
                "LOGIN_RATE_LIMIT_PER_IP=0          | LOGIN_RATE_LIMIT_PER_IP",
                "JWT_SECRET=short                   | JWT_SECRET",
                "SIGNED_URL_SECRET=short            | SIGNED_URL_SECRET",
                "SIGNED_URL_TTL=0m                  | SIGNED_URL_TTL",
                "STORAGE_BACKEND=ftp                | STORAGE_BACKEND",
                "S3_ENDPOINT=not a url              | S3_ENDPOINT",
                "SEARCH_ENGINE=elastic              | SEARCH_ENGINE",
                "DATABASE_URL=mysql://u:short@db/x  | DATABASE_URL",
                "SEARCH_ENGINE=opensearch           | OPENSEARCH_URL",
                "SEARCH_INDEX_PREFIX=Not Valid      | SEARCH_INDEX_PREFIX",
                "EVENT_RETRY_INTERVAL=0s            | EVENT_RETRY_INTERVAL",
                "BACKUP_TARGET=s3://Not_A_Bucket    | BACKUP_TARGET",
                "BACKUP_RETENTION=0d                | BACKUP_RETENTION",
            })
    void anInvalidValueStopsTheStartNamingTheVariable(String assignment, String variable, CapturedOutput output) {
        assertThatThrownBy(() -> start(assignment)).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("Invalid configuration")
                .contains(variable)
                .doesNotContain("short") // a secret's value is never printed
                .doesNotContain("${"); // the value shown is the variable's, not application.yml's text
    }

    @Test
    void theDefaultsAreValid() {
        try (ConfigurableApplicationContext context = start()) {
            PlatformSettings platform = context.getBean(PlatformSettings.class);
            assertThat(platform.environment()).isEqualTo(AppEnvironment.DEVELOPMENT);
            assertThat(platform.maxRequestBody().toBytes()).isEqualTo(1024 * 1024);
            assertThat(context.getBean(DatabaseSettings.class).isEmbedded()).isTrue();
        }
    }

    @Test
    void aPostgresUrlOfTheHostingKindIsUnderstood() {
        try (ConfigurableApplicationContext context =
                start("DATABASE_URL=postgres://veza:s%40cret@db.internal:5433/veza")) {
            DatabaseSettings database = context.getBean(DatabaseSettings.class);
            assertThat(database.url().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/veza");
            assertThat(database.url().username()).isEqualTo("veza");
            assertThat(database.url().password()).isEqualTo("s@cret");
            assertThat(database.url().toString()).doesNotContain("s@cret");
        }
    }

    @Test
    void productionRefusesEmbeddedStoresAndMissingSecretsInOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> start("APP_ENV=production")).isInstanceOf(ProductionMisconfigurationException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APP_ENV=production refuses to start; missing: DATABASE_URL (an external PostgreSQL),"
                        + " REDIS_URL (a shared Redis), JWT_SECRET (a secret of at least 32 characters),"
                        + " SIGNED_URL_SECRET (a secret of at least 32 characters),"
                        + " EMAIL_HASH_KEY (a secret of at least 32 characters),"
                        + " APP_PASSWORD_KEY (a secret of at least 32 characters),"
                        + " HYPERSWITCH_API_KEY (the payment provider; the sandbox is refused),"
                        + " HYPERSWITCH_RESPONSE_HASH_KEY (to verify payment webhooks),"
                        + " STRIPE_SECRET_KEY (seller payouts; the sandbox is refused)");
    }

    @Test
    void productionStartsWhenEverythingIsGiven() {
        try (ConfigurableApplicationContext context = start(
                "APP_ENV=production",
                "DATABASE_URL=jdbc:postgresql://db/veza",
                "REDIS_URL=redis://cache:6379",
                "JWT_SECRET=0123456789abcdef0123456789abcdef",
                "SIGNED_URL_SECRET=fedcba9876543210fedcba9876543210",
                "EMAIL_HASH_KEY=abcdefabcdef0123456789abcdef0123456789",
                "APP_PASSWORD_KEY=0123456789abcdefabcdefabcdef0123456789",
                "HYPERSWITCH_API_KEY=snd_test",
                "HYPERSWITCH_RESPONSE_HASH_KEY=hash-key",
                "STRIPE_SECRET_KEY=sk_test_123")) {
            assertThat(context.getBean(PlatformSettings.class).environment()).isEqualTo(AppEnvironment.PRODUCTION);
            assertThat(context.getBean(PlatformSettings.class).redisUrl().toString())
                    .isEqualTo("redis://cache:6379");
        }
    }

    @Test
    void secretsNeverAppearInSettingsText() {
        try (ConfigurableApplicationContext context = start("JWT_SECRET=0123456789abcdef0123456789abcdef-hidden")) {
            assertThat(context.getBean(IdentitySettings.class).toString()).doesNotContain("hidden");
        }
    }

    private static ConfigurableApplicationContext start(String... variables) {
        SpringApplication application = new SpringApplication(SettingsOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[variables.length];
        for (int i = 0; i < variables.length; i++) {
            args[i] = "--" + variables[i];
        }
        return application.run(args);
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties({
        PlatformSettings.class,
        BackupSettings.class,
        DatabaseSettings.class,
        WorkerSettings.class,
        IdentitySettings.class,
        StorageSettings.class,
        SearchSettings.class,
        EventSettings.class
    })
    @ComponentScan(
            basePackages = {"fr.veza.platform.config", "fr.veza.platform.db"},
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Converter"))
    static class SettingsOnly {}
}
