package fr.veza.legal.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param agentName {@code DMCA_AGENT_NAME}: the designated agent the DMCA page names
 * @param agentEmail {@code DMCA_AGENT_EMAIL}
 * @param agentAddress {@code DMCA_AGENT_ADDRESS}
 * @param noticesPerHour {@code DMCA_NOTICES_PER_HOUR}: notices one client address may file per hour
 * @param restoreAfterBusinessDays {@code DMCA_RESTORE_BUSINESS_DAYS}: business days after a counter-notice before
 *     the track is restored (the law allows 10 to 14)
 * @param strikesToSuspend {@code DMCA_STRIKES_TO_SUSPEND}: upheld strikes that suspend an account
 * @param restorationInterval {@code DMCA_RESTORATION_INTERVAL}: how often the restoration worker runs
 */
@Validated
@ConfigurationProperties("veza.legal")
public record LegalSettings(
        @NotBlank String agentName,
        @NotBlank @Email String agentEmail,
        @NotBlank String agentAddress,
        @Min(1) int noticesPerHour,
        @Min(10) @Max(14) int restoreAfterBusinessDays,
        @Min(1) int strikesToSuspend,
        @NotNull @PositiveDuration Duration restorationInterval) {}
