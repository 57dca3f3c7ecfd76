package fr.veza.catalog.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum TrackStatus {
    PROCESSING,
    READY,
    FAILED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TrackStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
