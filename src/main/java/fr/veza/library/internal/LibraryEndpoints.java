package fr.veza.library.internal;

import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.PublicEndpoints.Endpoint;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LibraryEndpoints {

    /** Public playlists are readable without an account; access is decided per playlist. */
    @Bean
    PublicEndpoints libraryPublicEndpoints() {
        return () -> List.of(Endpoint.get("/api/v1/playlists/{id}"), Endpoint.get("/api/v1/users/{userId}/playlists"));
    }
}
