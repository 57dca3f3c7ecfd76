package fr.veza.platform.web;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code MANAGEMENT_PORT} moves the actuator to a port of its own, that port listens on
 * {@code MANAGEMENT_ADDRESS}, loopback unless the operator says otherwise: metrics are for the machine's scraper,
 * not for the network. Spring Boot refuses an address without a separate port, hence a default set only then.
 */
public class LoopbackManagementAddress implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port");
        // as Spring Boot decides it: port 0 is a separate random port, the server's own port is no separate port
        boolean separate = port != null
                && !port.isBlank()
                && !port.startsWith("-")
                && (port.equals("0") || !port.equals(environment.getProperty("server.port", "8080")));
        if (!separate) {
            return;
        }
        String address = environment.getProperty("veza.management.address", "127.0.0.1");
        if (environment.getProperty("management.server.address") == null) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "veza-management-address", Map.of("management.server.address", address)));
        }
    }
}
