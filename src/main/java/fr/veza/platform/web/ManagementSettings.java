package fr.veza.platform.web;

import fr.veza.platform.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read the actuator's endpoints other than health (metrics, info).
 *
 * @param metricsToken {@code METRICS_TOKEN}: a bearer token that opens them on the public port; unset = closed there
 *     ({@code MANAGEMENT_PORT} serves them on a port of their own instead, see {@link LoopbackManagementAddress})
 */
@Validated
@ConfigurationProperties("veza.management")
record ManagementSettings(Secret metricsToken) {

    ManagementSettings {
        metricsToken = metricsToken == null ? new Secret("") : metricsToken;
    }
}
