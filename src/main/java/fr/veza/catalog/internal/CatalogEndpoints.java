package fr.veza.catalog.internal;

import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.PublicEndpoints.Endpoint;
import fr.veza.platform.web.RestrictedEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class CatalogEndpoints {

    /** Public tracks are listed, shown and streamed without an account; access is decided per track. */
    @Bean
    PublicEndpoints catalogPublicEndpoints() {
        return () -> List.of(
                Endpoint.get("/api/v1/tracks"),
                Endpoint.get("/api/v1/tracks/{id}"),
                Endpoint.get("/api/v1/tracks/{id}/waveform"),
                Endpoint.get("/api/v1/tracks/{id}/cover/{size}"),
                Endpoint.get("/api/v1/tracks/{id}/hls/**"),
                Endpoint.post("/api/v1/tracks/{id}/plays"));
    }

    @Bean
    RestrictedEndpoints catalogRestrictedEndpoints() {
        return () -> List.of(new RestrictedEndpoints.Restriction(HttpMethod.POST, "/api/v1/tracks", "ARTIST"));
    }
}
