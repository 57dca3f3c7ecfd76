package fr.veza.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Veza API",
                        version = "v1",
                        description = "Music platform for independent artists. Errors are application/problem+json"
                                + " (RFC 9457) with a stable `code`."))
@SecurityScheme(
        name = "BearerAuth",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "The access_token from POST /api/v1/auth/login, valid for ACCESS_TOKEN_TTL.")
class OpenApiConfiguration {}
