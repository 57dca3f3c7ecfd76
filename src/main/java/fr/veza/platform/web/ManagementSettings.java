package fr.veza.platform.web;

import fr.veza.platform.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read the actuator's endpoints other than health (metrics, info).
 *
 * @param metricsToken {@code METRICS_TOKEN}: a bearer token that opens them on the public port; unset = closed there
 * @param port {@code MANAGEMENT_PORT}: when set, they are served there without token
 * @param address {@code MANAGEMENT_ADDRESS}: the address that port listens on, loopback by default
 */
@Validated
@ConfigurationProperties("veza.management")
record ManagementSettings(Secret metricsToken, Integer port, String address) {

    ManagementSettings {
        metricsToken = metricsToken == null ? new Secret("") : metricsToken;
    }
}
