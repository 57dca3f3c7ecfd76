package fr.veza.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for the API, used the way a real client would: JSON in, status and JSON out. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Map<String, String> headers;

    public Api(int port) {
        this("http://localhost:" + port, Map.of());
    }

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same client with a header on every request. */
    public Api with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, more);
    }

    public Api bearer(String accessToken) {
        return with("Authorization", "Bearer " + accessToken);
    }

    /** Requests as if relayed by the trusted proxy on behalf of {@code ip}. */
    public Api from(String ip) {
        return with("X-Forwarded-For", ip);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, "application/json", json(body));
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, "application/json", json(body));
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, "application/json", json(body));
    }

    public ApiResponse send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }
}
