package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.Api;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/** With MANAGEMENT_PORT the actuator moves to its own loopback port; the public port keeps only /health. */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIntegrationTests extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    Environment environment;

    @Test
    void metricsAreServedOnTheManagementPortOnlyAndHealthStaysPublic() {
        ApiResponse scraped = new Api(managementPort).get("/actuator/prometheus");
        ApiResponse onThePublicPort = api().get("/actuator/prometheus");
        ApiResponse health = api().get("/health");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.text()).contains("jvm_memory_used_bytes");
        assertThat(onThePublicPort.status()).isEqualTo(404);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
    }
}
