package fr.veza.marketplace.internal;

import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.PublicEndpoints.Endpoint;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketplaceEndpoints {

    /**
     * The shop window is public; the provider's webhook authenticates by its signature; the sandbox stands in for
     * the provider and answers 404 when a real one is configured.
     */
    @Bean
    PublicEndpoints marketplacePublicEndpoints() {
        return () -> List.of(
                Endpoint.get("/api/v1/marketplace/products"),
                Endpoint.get("/api/v1/marketplace/products/{id}"),
                Endpoint.post("/api/v1/webhooks/hyperswitch"),
                Endpoint.post("/api/v1/sandbox/**"));
    }
}
