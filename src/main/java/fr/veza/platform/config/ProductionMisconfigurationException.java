package fr.veza.platform.config;

import java.util.List;

/** Production was asked for but the configuration lacks what production needs. */
public class ProductionMisconfigurationException extends RuntimeException {

    private final List<String> missing;

    public ProductionMisconfigurationException(List<String> missing) {
        super("APP_ENV=production refuses to start; missing: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
