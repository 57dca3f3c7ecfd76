package fr.veza.library.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Public playlists are for everyone; private ones for their owner only. */
public enum PlaylistVisibility {
    PUBLIC,
    PRIVATE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PlaylistVisibility of(String value) {
        for (PlaylistVisibility visibility : values()) {
            if (visibility.value().equals(value)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("must be public or private");
    }
}
