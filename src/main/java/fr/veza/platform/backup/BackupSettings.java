package fr.veza.platform.backup;

import fr.veza.platform.config.AbsoluteHttpUrl;
import fr.veza.platform.config.PositiveDuration;
import fr.veza.platform.config.Secret;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled {@code BACKUP_ENABLED}
 * @param interval {@code BACKUP_INTERVAL}: how often the backup runs
 * @param target {@code BACKUP_TARGET}: a directory, or {@code s3://bucket/prefix}
 * @param retention {@code BACKUP_RETENTION}: how long an object deleted from the store stays in the backup
 * @param keep {@code BACKUP_KEEP}: how many copies of the embedded database are kept
 * @param s3Endpoint {@code BACKUP_S3_ENDPOINT}: another S3 service for an {@code s3://} target; empty means the
 *     storage's own ({@code S3_ENDPOINT})
 * @param s3AccessKey {@code BACKUP_S3_ACCESS_KEY}: empty means the storage's own keys
 * @param s3SecretKey {@code BACKUP_S3_SECRET_KEY}
 */
@Validated
@ConfigurationProperties("veza.backup")
public record BackupSettings(
        boolean enabled,
        @NotNull @PositiveDuration Duration interval,
        @NotNull String target,
        @NotNull @PositiveDuration Duration retention,
        @Min(1) @Max(1000) int keep,
        @AbsoluteHttpUrl URI s3Endpoint,
        Secret s3AccessKey,
        Secret s3SecretKey) {

    @AssertTrue(message = "BACKUP_TARGET must be a directory or s3://bucket/prefix (lower-case letters, digits, . _ -)")
    boolean isTargetValid() {
        try {
            BackupLocation.parse(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    BackupLocation location() {
        return BackupLocation.parse(target);
    }

    boolean hasOwnS3Service() {
        return s3Endpoint != null || (s3AccessKey != null && !s3AccessKey.isBlank());
    }
}
