package fr.veza.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A response as a test sees it: status, headers and the body parsed as JSON (null when empty or not JSON). */
public record ApiResponse(int status, HttpHeaders headers, String text, JsonNode json) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String code() {
        return json == null || json.get("code") == null
                ? null
                : json.get("code").asText();
    }

    public String field(String name) {
        return json == null || json.get(name) == null || json.get(name).isNull()
                ? null
                : json.get(name).asText();
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
