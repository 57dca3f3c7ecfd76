package fr.veza.search.internal;

import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.PublicEndpoints.Endpoint;
import fr.veza.platform.web.RestrictedEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class SearchEndpoints {

    /** Anyone may search; what they find depends on who they are. */
    @Bean
    PublicEndpoints searchPublicEndpoints() {
        return () -> List.of(Endpoint.get("/api/v1/search"));
    }

    @Bean
    RestrictedEndpoints searchRestrictedEndpoints() {
        return () ->
                List.of(new RestrictedEndpoints.Restriction(HttpMethod.POST, "/api/v1/admin/search/reindex", "ADMIN"));
    }
}
