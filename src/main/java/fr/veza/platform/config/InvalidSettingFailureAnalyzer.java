package fr.veza.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Names the environment variable behind an invalid setting. Operators set {@code REVERSAL_BACKOFF_BASE},
 * not {@code veza.marketplace.reversal.backoff-base}, so that is what the start-up failure must say.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+)(?::.*)?}$", Pattern.DOTALL);
    /** user:password@ in a URL (DATABASE_URL, REDIS_URL, OPENSEARCH_URL may carry them). */
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("//[^/@\\s]+@");

    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(secret|password|key|token|dsn).*");

    private final Environment environment;

    InvalidSettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        List<String> problems = new ArrayList<>();
        BindValidationException validation = findCause(cause, BindValidationException.class);
        if (validation != null) {
            String prefix = validation.getValidationErrors().getName().toString();
            for (ObjectError error : validation.getValidationErrors()) {
                String property = error instanceof FieldError field ? prefix + "." + kebab(field.getField()) : prefix;
                Object value = error instanceof FieldError field ? field.getRejectedValue() : null;
                problems.add(describe(property, value, error.getDefaultMessage()));
            }
        } else {
            String property = cause.getProperty() != null
                    ? cause.getProperty().getName().toString()
                    : cause.getName().toString();
            Object value = cause.getProperty() != null ? cause.getProperty().getValue() : null;
            // the property holds the text of application.yml (${VAR:default}); show what the variable made of it
            if (value instanceof CharSequence text && text.toString().contains("${")) {
                value = environment.resolvePlaceholders(text.toString());
            }
            problems.add(describe(property, value, deepestMessage(cause)));
        }
        return new FailureAnalysis(
                "Invalid configuration: " + String.join("; ", problems),
                "Correct the variable named above (each one is documented in .env.template).",
                cause);
    }

    private String describe(String property, Object value, String reason) {
        String variable = environmentVariableOf(property);
        // a Boolean is the outcome of a cross-field rule (@AssertTrue), not the value the operator set
        String shown = value == null
                        || value instanceof Boolean
                        || SENSITIVE.matcher(property).matches()
                ? ""
                : " = '" + CREDENTIALS_IN_URL.matcher(value.toString()).replaceAll("//***@") + "'";
        String name = variable != null ? variable + " (" + property + ")" : property;
        return name + shown + ": " + reason;
    }

    private String environmentVariableOf(String property) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return null;
        }
        // a list element (trusted-proxies[1]) comes from the variable of the whole list
        String whole = property.replaceAll("\\[\\d+]", "");
        for (PropertySource<?> source : configurable.getPropertySources()) {
            Object raw = source.getProperty(whole);
            if (raw instanceof OriginTrackedValue tracked) {
                raw = tracked.getValue();
            }
            if (raw instanceof CharSequence text) {
                Matcher matcher = PLACEHOLDER.matcher(text.toString().trim());
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
        }
        return null;
    }

    private static String kebab(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String deepestMessage(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getMessage() != null
                ? deepest.getMessage()
                : deepest.getClass().getSimpleName();
    }
}
