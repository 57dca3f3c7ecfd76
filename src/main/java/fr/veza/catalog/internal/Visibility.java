package fr.veza.catalog.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may find a track: everyone (public), anyone with its id (unlisted), or its owner only (private). */
public enum Visibility {
    PUBLIC,
    UNLISTED,
    PRIVATE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Visibility of(String value) {
        for (Visibility visibility : values()) {
            if (visibility.value().equals(value)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("must be public, unlisted or private");
    }
}
