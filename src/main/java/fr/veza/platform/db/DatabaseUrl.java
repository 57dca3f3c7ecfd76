package fr.veza.platform.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An external PostgreSQL address, given either as a JDBC URL ({@code jdbc:postgresql://host/db}) or in the
 * {@code postgres://user:password@host:5432/db} form most hosting platforms hand out.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String text) {
        String value = text.trim();
        if (value.startsWith("jdbc:postgresql://")) {
            URI.create(value.substring("jdbc:".length())); // rejects malformed addresses early
            return new DatabaseUrl(value, null, null);
        }
        if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
            URI uri = URI.create(value);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new IllegalArgumentException("expected postgres://user:password@host:5432/database");
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            return new DatabaseUrl(jdbc, user, password);
        }
        throw new IllegalArgumentException(
                "expected jdbc:postgresql://host:5432/database or postgres://user:password@host:5432/database");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}
