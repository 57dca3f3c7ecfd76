package fr.veza.identity.internal;

import fr.veza.identity.ApiScope;
import fr.veza.platform.web.PublicEndpoints;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Declares the {@code ApiKeyAuth} scheme and, on every operation, both ways in: a bearer token, or an API key
 * with the scope the operation's method needs ({@code admin} for the admin API).
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyOpenApi {

    @Bean
    OpenApiCustomizer apiKeySecurity(List<PublicEndpoints> publicEndpoints) {
        List<PublicOperation> open = publicEndpoints.stream()
                .flatMap(module -> module.endpoints().stream())
                .map(endpoint -> new PublicOperation(
                        endpoint.method() == null ? null : endpoint.method().name(),
                        PathPatternParser.defaultInstance.parse(endpoint.pattern())))
                .toList();
        return openApi -> {
            openApi.getComponents()
                    .addSecuritySchemes(
                            "ApiKeyAuth",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name(ApiKeyAuthenticationFilter.HEADER)
                                    .description(
                                            "A developer key, vza_ followed by 43 URL-safe characters, from POST"
                                                    + " /api/v1/developer/api-keys. Scopes: read (GET, HEAD), write (POST, PUT, PATCH,"
                                                    + " DELETE), admin (everything). Each key may make 1000 reads and 200 writes an hour;"
                                                    + " answers carry X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset."));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        ApiScope scope = path.startsWith("/api/v1/admin/")
                                ? ApiScope.ADMIN
                                : ApiScope.requiredFor(method == PathItem.HttpMethod.HEAD ? "HEAD" : method.name());
                        SecurityRequirement bearer = new SecurityRequirement().addList("BearerAuth");
                        SecurityRequirement apiKey = new SecurityRequirement().addList("ApiKeyAuth", scope.value());
                        // an empty requirement says that the operation also answers a caller without credentials
                        operation.setSecurity(
                                isPublic(open, method.name(), path)
                                        ? List.of(new SecurityRequirement(), bearer, apiKey)
                                        : List.of(bearer, apiKey));
                    }));
        };
    }

    private static boolean isPublic(List<PublicOperation> open, String method, String path) {
        PathContainer documented = PathContainer.parsePath(path);
        return open.stream().anyMatch(operation -> operation.matches(method, documented));
    }

    private record PublicOperation(String method, PathPattern pattern) {
        boolean matches(String documentedMethod, PathContainer documentedPath) {
            return (method == null || method.equals(documentedMethod)) && pattern.matches(documentedPath);
        }
    }
}
