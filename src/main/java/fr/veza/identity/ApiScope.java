package fr.veza.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** What an API key may do: {@code read} (GET, HEAD), {@code write} (POST, PUT, PATCH, DELETE), {@code admin} (all). */
public enum ApiScope {
    READ,
    WRITE,
    ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ApiScope of(String value) {
        for (ApiScope scope : values()) {
            if (scope.value().equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("must be read, write or admin");
    }

    /** The scope an HTTP method needs. */
    public static ApiScope requiredFor(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            default -> WRITE;
        };
    }

    public static boolean allows(Set<ApiScope> granted, ApiScope needed) {
        return granted.contains(ADMIN) || granted.contains(needed);
    }
}
