package fr.veza.platform.config;

import java.net.URI;

/** A {@code redis://} or {@code rediss://} address, checked when the configuration is read. */
public record RedisUrl(URI uri) {

    public static RedisUrl parse(String text) {
        URI uri = URI.create(text.trim());
        if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected redis://host:port or rediss://host:port");
        }
        return new RedisUrl(uri);
    }

    @Override
    public String toString() {
        // the user-info part may hold a password
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
