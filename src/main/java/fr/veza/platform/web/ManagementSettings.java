package fr.veza.platform.web;

import fr.veza.platform.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read the actuator's endpoints other than health (metrics, info).
 *
 * @param metricsToken {@code METRICS_TOKEN}: a bearer token that opens them on the public port; unset = closed there
 * @param port {@code MANAGEMENT_PORT}: when set, they are served there (on {@code MANAGEMENT_ADDRESS}) without token
 */
@Validated
@ConfigurationProperties("veza.management")
record ManagementSettings(Secret metricsToken, Integer port) {

    ManagementSettings {
        metricsToken = metricsToken == null ? new Secret("") : metricsToken;
    }
}
