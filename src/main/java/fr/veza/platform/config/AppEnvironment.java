package fr.veza.platform.config;

/** Where Veza runs; {@link #PRODUCTION} refuses embedded stores and development secrets. */
public enum AppEnvironment {
    DEVELOPMENT,
    TEST,
    PRODUCTION;

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
