package fr.veza.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a person may do: listen, also publish and sell, also work the queue of reports (moderator), or administer.
 * Each role may do what the ones before it may.
 */
public enum Role {
    LISTENER,
    ARTIST,
    MODERATOR,
    ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String value) {
        return Arrays.stream(values())
                .filter(role -> role.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    /** The Spring Security authority, such as {@code ROLE_ARTIST}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
