package fr.veza.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins {@code CORS_ALLOWED_ORIGINS}: sites whose pages may call the API and play media from the
 *     browser (an embedded player elsewhere); empty = same origin only
 */
@ConfigurationProperties("veza.cors")
public record CorsSettings(List<String> allowedOrigins) {

    public CorsSettings {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(o -> !o.isEmpty())
                        .toList();
    }
}
