package fr.veza.marketplace.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading fields of Hyperswitch's JSON (API answers and webhook objects) the same way everywhere. */
public final class HyperswitchJson {

    private HyperswitchJson() {}

    /** A scalar field as text; null when absent, null, or not a scalar. */
    public static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** The first of {@code fields} that holds a time; Hyperswitch writes ISO times, with or without an offset. */
    public static Instant time(JsonNode json, String... fields) {
        for (String field : fields) {
            String value = text(json, field);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException noOffset) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    // try the next field
                }
            }
        }
        return null;
    }
}
