package fr.veza.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health}, the short address load balancers and operators expect, on the public port wherever the actuator
 * is served: the overall state and each component's, UP or DOWN, nothing more; 503 unless UP.
 */
@Hidden
@RestController
class PublicHealthController {

    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(value = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> health() {
        HealthComponent root = health.health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", root.getStatus().getCode());
        if (root instanceof CompositeHealth composite) {
            Map<String, Object> components = new LinkedHashMap<>();
            composite
                    .getComponents()
                    .forEach((name, component) -> components.put(
                            name, Map.of("status", component.getStatus().getCode())));
            body.put("components", components);
        }
        return ResponseEntity.status(Status.UP.equals(root.getStatus()) ? 200 : 503)
                .body(body);
    }
}
