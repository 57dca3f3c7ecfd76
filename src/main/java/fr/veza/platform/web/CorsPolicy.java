package fr.veza.platform.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access to the API and media for the origins the operator names, and for nobody by default.
 * Identity travels in the Authorization or X-API-Key header, never in cookies, so credentials are not allowed.
 */
@Configuration(proxyBeanMethods = false)
class CorsPolicy {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(settings.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-API-Key", "Idempotency-Key", "Range"));
        api.setExposedHeaders(List.of(
                "Content-Range",
                "Content-Length",
                "Accept-Ranges",
                "ETag",
                "Location",
                "Retry-After",
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
