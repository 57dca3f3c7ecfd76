package fr.veza.social.internal;

import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.PublicEndpoints.Endpoint;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SocialEndpoints {

    /** Counts, follower lists and comments of what anyone may see are readable without an account. */
    @Bean
    PublicEndpoints socialPublicEndpoints() {
        return () -> List.of(
                Endpoint.get("/api/v1/tracks/{id}/likes"),
                Endpoint.get("/api/v1/tracks/{id}/comments"),
                Endpoint.get("/api/v1/users/{id}/followers"),
                Endpoint.get("/api/v1/users/{id}/following"),
                Endpoint.get("/api/v1/users/{id}/follows"));
    }
}
