package fr.veza.privacy.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param exports the export worker and its limits
 * @param hardDelete the erasure worker
 */
@Validated
@ConfigurationProperties("veza.privacy")
public record PrivacySettings(
        @NotNull @Valid Exports exports, @NotNull @Valid HardDelete hardDelete) {

    /**
     * @param perDay {@code EXPORTS_PER_DAY}: exports a person may request in any 24 hours
     * @param linkTtl {@code EXPORT_LINK_TTL}: how long a finished export can be downloaded
     * @param interval {@code EXPORT_WORKER_INTERVAL}: how often the worker looks for queued exports
     * @param lease {@code EXPORT_LEASE}: how long a worker owns an export it builds; another instance takes it after
     * @param maxAttempts {@code EXPORT_MAX_ATTEMPTS}: builds tried before an export is marked failed
     */
    public record Exports(
            @Min(1) int perDay,
            @NotNull @PositiveDuration Duration linkTtl,
            @NotNull @PositiveDuration Duration interval,
            @NotNull @PositiveDuration Duration lease,
            @Min(1) int maxAttempts) {}

    /**
     * @param enabled {@code HARD_DELETE_CRON_ENABLED}
     * @param interval {@code HARD_DELETE_INTERVAL}: daily by default
     * @param batchSize {@code HARD_DELETE_BATCH_SIZE}: accounts erased per run at most
     */
    public record HardDelete(
            boolean enabled,
            @NotNull @PositiveDuration Duration interval,
            @Min(1) int batchSize) {}
}
