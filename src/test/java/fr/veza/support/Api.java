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

    /** A multipart upload: files by part name, then plain fields. */
    public ApiResponse upload(String path, Map<String, java.nio.file.Path> files, Map<String, String> fields) {
        return upload("POST", path, files, fields);
    }

    public ApiResponse upload(
            String method, String path, Map<String, java.nio.file.Path> files, Map<String, String> fields) {
        String boundary = "veza" + java.util.UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        try {
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                                + "\"; filename=\"" + file.getValue().getFileName()
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                body.write(java.nio.file.Files.readAllBytes(file.getValue()));
                body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sendBytes(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** The raw bytes of a response, for media. */
    public HttpResponse<byte[]> bytes(String path, String... headerPairs) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw body, byte for byte (webhooks are signed over the exact bytes). */
    public ApiResponse postBytes(String path, String contentType, byte[] body) {
        return sendBytes("POST", path, contentType, body);
    }

    private ApiResponse sendBytes(String method, String path, String contentType, byte[] body) {
        return exchange(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", contentType),
                contentType,
                contentType.startsWith("application/json")
                        ? new String(body, java.nio.charset.StandardCharsets.UTF_8)
                        : null);
    }

    private ApiResponse exchange(HttpRequest.Builder builder, String contentType, String body) {
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        ApiResponse answer;
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            answer =
                    new ApiResponse(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        DocumentConformance.check(base, request, contentType, body, answer);
        return answer;
    }

    public ApiResponse send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // no body, no Content-Type: what a client sends to an operation that takes no body
        String sentType = body == null ? null : contentType;
        if (sentType != null) {
            request.header("Content-Type", sentType);
        }
        return exchange(request, sentType, body);
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
