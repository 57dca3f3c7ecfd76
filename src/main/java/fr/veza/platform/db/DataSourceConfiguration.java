package fr.veza.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import fr.veza.platform.config.PlatformSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one connection pool, to the external database when configured, else to the embedded one. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(DatabaseSettings database, PlatformSettings platform) {
        return database.isEmbedded()
                ? EarlyEmbeddedPostgres.take(EmbeddedDatabase.directoryIn(platform.dataDir()))
                : EmbeddedPostgresServer.notNeeded();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings database, EmbeddedPostgresServer embeddedPostgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("veza");
        pool.setMaximumPoolSize(database.poolSize());
        // a request waiting 30 s (Hikari's default) for a connection is already lost; fail fast and say so
        pool.setConnectionTimeout(5_000);
        if (embeddedPostgres.isRunning()) {
            pool.setJdbcUrl(embeddedPostgres.jdbcUrl());
        } else {
            DatabaseUrl url = database.url();
            pool.setJdbcUrl(url.jdbcUrl());
            pool.setUsername(url.username() != null ? url.username() : database.username());
            String password = url.password() != null
                    ? url.password()
                    : database.password() != null ? database.password().value() : null;
            pool.setPassword(password);
        }
        return pool;
    }
}
