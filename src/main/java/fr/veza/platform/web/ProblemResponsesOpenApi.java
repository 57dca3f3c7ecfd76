package fr.veza.platform.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every operation of the document says what its errors look like: any status it does not list is a problem
 * document (RFC 9457) with Veza's stable {@code code}, as {@link ErrorCode} defines them.
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponsesOpenApi {

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            ApiResponse problem = new ApiResponse()
                    .description("An error, as application/problem+json")
                    .content(new Content()
                            .addMediaType(
                                    "application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations()
                            .forEach(operation -> operation.getResponses().setDefault(problem)));
        };
    }

    private static Schema<?> problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("field", new StringSchema());
        violation.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema());
        problem.addProperty("request_id", new StringSchema().description("The id of the request in the server's logs"));
        problem.addProperty("errors", new ArraySchema().items(violation));
        problem.setRequired(java.util.List.of("type", "title", "status", "code"));
        // RFC 9457 lets a problem carry members of its own, as retry_after_seconds and required_scope do
        problem.setAdditionalProperties(true);
        return problem;
    }
}
