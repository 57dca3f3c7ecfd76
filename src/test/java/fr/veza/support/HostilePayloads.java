package fr.veza.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one list of bodies a careless or hostile client sends, walked over every write route of the OpenAPI
 * document: a route added tomorrow is covered without anyone remembering to. Each body comes in two forms: generic,
 * and filled into the route's own field names so the values reach its validation.
 */
public final class HostilePayloads {

    private HostilePayloads() {}

    /** Bodies that do not depend on the route. */
    public static Map<String, String> generic() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("an array", "[]");
        bodies.put("truncated JSON", "{\"a\":");
        bodies.put("duplicate keys", "{\"name\":\"a\",\"name\":\"b\"}");
        bodies.put("unknown field", "{\"zz_not_a_field\":1}");
        bodies.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        bodies.put("deep object nesting", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.put("NUL in a key", "{\"na\\u0000me\":\"x\"}");
        bodies.put("lone surrogate", "{\"name\":\"\\ud800\"}");
        return bodies;
    }

    /** Bodies that give every one of the route's fields the same hostile value. */
    public static Map<String, String> perField(List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL in every field", "\"a\\u0000b\"");
        values.put("a number in every field", "12345");
        values.put("a numeric string in every field", "\"100\"");
        values.put("a huge number in every field", "1" + "0".repeat(400));
        values.put("a huge float in every field", "1e400");
        values.put("a negative number in every field", "-9223372036854775809");
        values.put("a far-future date in every field", "\"+999999999-12-31\"");
        values.put("year zero in every field", "\"0000-01-01T00:00:00Z\"");
        values.put("an object in every field", "{\"x\":{\"y\":[1,2,{}]}}");
        values.put("true in every field", "true");
        values.put("a long string in every field", "\"" + "x".repeat(100_000) + "\"");
        values.put("a file URL in every field", "\"file:///etc/passwd\"");
        Map<String, String> bodies = new LinkedHashMap<>();
        if (fields.isEmpty()) {
            return bodies;
        }
        values.forEach((name, value) -> {
            List<String> pairs = new ArrayList<>();
            fields.forEach(field -> pairs.add("\"" + field + "\":" + value));
            bodies.put(name, "{" + String.join(",", pairs) + "}");
        });
        return bodies;
    }
}
