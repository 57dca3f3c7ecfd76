package fr.veza.platform.db;

import fr.veza.platform.config.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives.
 *
 * @param url {@code DATABASE_URL}: empty starts the embedded PostgreSQL under the data directory
 * @param username {@code DATABASE_USER}, when the URL does not carry it
 * @param password {@code DATABASE_PASSWORD}, when the URL does not carry it
 * @param poolSize {@code DATABASE_POOL_SIZE}
 */
@Validated
@ConfigurationProperties("veza.database")
public record DatabaseSettings(
        DatabaseUrl url,
        String username,
        Secret password,
        @Min(1) @Max(500) int poolSize) {

    public boolean isEmbedded() {
        return url == null;
    }
}
