package fr.veza.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Veza API",
                        version = "v1",
                        description = "Music platform for independent artists. Errors are application/problem+json"
                                + " (RFC 9457) with a stable `code`."),
        // relative, so the document is the same wherever Veza runs and "Try it out" calls the server it came from
        servers = @Server(url = "/", description = "This Veza"))
@SecurityScheme(
        name = "BearerAuth",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "The access_token from POST /api/v1/auth/login, valid for ACCESS_TOKEN_TTL.")
class OpenApiConfiguration {

    /**
     * Operation ids a generated client can use as method names: the controller's noun and the method, as in
     * {@code trackUpload} or {@code authRegister}, never springdoc's {@code register1} for a second "register".
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String noun = handler.getBeanType().getSimpleName().replaceAll("(Admin)?Controller$", "");
            String admin = handler.getBeanType().getSimpleName().contains("AdminController") ? "Admin" : "";
            String method = handler.getMethod().getName();
            return operation.operationId(Character.toLowerCase(noun.charAt(0))
                    + noun.substring(1)
                    + admin
                    + Character.toUpperCase(method.charAt(0))
                    + method.substring(1));
        };
    }
}
