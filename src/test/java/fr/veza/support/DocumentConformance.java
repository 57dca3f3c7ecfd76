package fr.veza.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every exchange a test makes with the REST API, checked against the OpenAPI document the server publishes: a
 * client generated from the document would send what the tests send and expect what Veza answers. An answer the
 * document does not describe fails the test that received it, at the call.
 *
 * <p>A request the document calls invalid is a mismatch only when Veza accepted it (2xx): tests send hostile and
 * broken requests on purpose, and refusing those is the behaviour under test.
 */
public final class DocumentConformance {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private DocumentConformance() {}

    /** Checks what {@link Api} sent and received. */
    static void check(String base, HttpRequest request, String contentType, String body, ApiResponse response) {
        String path = request.uri().getRawPath();
        // a CORS preflight is the browser's, not an operation of the API
        if (!path.startsWith("/api/v1/") || "OPTIONS".equals(request.method())) {
            return;
        }
        SimpleRequest.Builder asked = new SimpleRequest.Builder(request.method(), path);
        request.headers().map().forEach(asked::withHeader);
        queryOf(request.uri()).forEach(asked::withQueryParam);
        if (contentType != null) {
            asked.withContentType(contentType);
            if (body != null && !contentType.startsWith("multipart/")) {
                asked.withBody(body);
            }
        }
        SimpleResponse.Builder answered = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach(answered::withHeader);
        if (response.contentType() != null) {
            answered.withContentType(response.contentType());
        }
        if (response.text() != null && !response.text().isEmpty()) {
            answered.withBody(response.text());
        }
        check(base, asked.build(), answered.build());
    }

    /** Fails with every way the exchange differs from the document served at {@code base}. */
    public static void check(String base, Request request, Response response) {
        ValidationReport report = validator(base).validate(request, response);
        boolean accepted = response.getStatus() >= 200 && response.getStatus() < 300;
        List<String> mismatches = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> accepted || !message.getKey().startsWith("validation.request"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
        if (!mismatches.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not describe " + request.getMethod() + " "
                    + request.getPath() + " -> " + response.getStatus() + "\n  " + String.join("\n  ", mismatches)
                    + "\n  response: "
                    + abbreviate(response.getResponseBody()
                            .map(body -> {
                                try {
                                    return body.toString(java.nio.charset.StandardCharsets.UTF_8);
                                } catch (IOException e) {
                                    return "(unreadable)";
                                }
                            })
                            .orElse("")));
        }
    }

    private static OpenApiInteractionValidator validator(String base) {
        return VALIDATORS.computeIfAbsent(base, DocumentConformance::load);
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            String document = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document could not be read from " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> queryOf(URI uri) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return query;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 600 ? String.valueOf(text) : text.substring(0, 600) + "...";
    }
}
