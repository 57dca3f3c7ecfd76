package fr.veza.platform.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses {@code APP_ENV=production} without the external stores and real secrets a production
 * deployment needs. It runs before any bean exists, so no embedded store starts for nothing.
 */
class ProductionGuard implements EnvironmentPostProcessor {

    static final int MIN_SECRET_LENGTH = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"production"
                .equalsIgnoreCase(environment.getProperty("APP_ENV", "").trim())) {
            return;
        }
        List<String> missing = new ArrayList<>();
        requireSet(environment, "DATABASE_URL", "an external PostgreSQL", missing);
        requireSet(environment, "REDIS_URL", "a shared Redis", missing);
        requireSecret(environment, "JWT_SECRET", missing);
        requireSecret(environment, "SIGNED_URL_SECRET", missing);
        // a generated key would be lost with the instance, and with it every closed account's way back
        requireSecret(environment, "EMAIL_HASH_KEY", missing);
        // likewise every app password a player signs in with
        requireSecret(environment, "APP_PASSWORD_KEY", missing);
        // the marketplace's built-in sandbox providers move no real money: never in production
        requireSet(environment, "HYPERSWITCH_API_KEY", "the payment provider; the sandbox is refused", missing);
        requireSet(environment, "HYPERSWITCH_RESPONSE_HASH_KEY", "to verify payment webhooks", missing);
        requireSet(environment, "STRIPE_SECRET_KEY", "seller payouts; the sandbox is refused", missing);
        if (!missing.isEmpty()) {
            throw new ProductionMisconfigurationException(missing);
        }
    }

    private static void requireSet(
            ConfigurableEnvironment environment, String variable, String what, List<String> missing) {
        if (environment.getProperty(variable, "").isBlank()) {
            missing.add(variable + " (" + what + ")");
        }
    }

    private static void requireSecret(ConfigurableEnvironment environment, String variable, List<String> missing) {
        if (environment.getProperty(variable, "").trim().length() < MIN_SECRET_LENGTH) {
            missing.add(variable + " (a secret of at least " + MIN_SECRET_LENGTH + " characters)");
        }
    }
}
