package fr.veza.legal.internal;

import fr.veza.platform.web.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LegalEndpoints {

    @Bean
    PublicEndpoints legalPublicEndpoints() {
        return () -> List.of(PublicEndpoints.Endpoint.post("/api/v1/dmca/notice"));
    }
}
