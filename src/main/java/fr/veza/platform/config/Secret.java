package fr.veza.platform.config;

import java.nio.charset.StandardCharsets;

/** A configured secret whose {@link #toString()} never reveals it, so settings can be logged safely. */
public record Secret(String value) {

    public Secret {
        value = value == null ? "" : value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return isBlank() ? "<unset>" : "******";
    }
}
