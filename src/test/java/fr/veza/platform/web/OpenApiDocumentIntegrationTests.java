package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names fields as the API reads and writes them. */
class OpenApiDocumentIntegrationTests extends IntegrationTest {

    @Test
    void everyPropertyOfTheDocumentIsSnakeCaseAsTheApiSpeaksIt() {
        JsonNode schemas = api().get("/v3/api-docs").json().get("components").get("schemas");
        List<String> properties = new ArrayList<>();
        schemas.fields()
                .forEachRemaining(schema -> schema.getValue()
                        .path("properties")
                        .fieldNames()
                        .forEachRemaining(name -> properties.add(schema.getKey() + "." + name)));

        assertThat(properties).hasSizeGreaterThan(100);
        assertThat(properties)
                .noneMatch(property ->
                        property.substring(property.indexOf('.') + 1).matches(".*[a-z][A-Z].*"));
        assertThat(properties).anyMatch(property -> property.endsWith(".created_at"));
    }
}
