package fr.veza.identity.internal;

import fr.veza.platform.errors.FieldViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length over composition, as NIST SP 800-63B advises: at least 10 characters, no more than 128, not a
 * well-known password, not built from the account's own name, and not a single repeated character.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        ClassPathResource list = new ClassPathResource("identity/common-passwords.txt");
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list ships in the jar", e);
        }
    }

    Optional<FieldViolation> check(String password, String username, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return violation("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            return violation("must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return violation("is one of the most common passwords; choose another");
        }
        if (lower.chars().distinct().count() < 4) {
            return violation("needs more variety than a few repeated characters");
        }
        if (containsName(lower, username) || containsName(lower, localPart(email))) {
            return violation("must not contain your username or email");
        }
        return Optional.empty();
    }

    private static boolean containsName(String password, String name) {
        return name != null && name.length() >= 3 && password.contains(name.toLowerCase(Locale.ROOT));
    }

    private static String localPart(String email) {
        return email == null || !email.contains("@") ? email : email.substring(0, email.indexOf('@'));
    }

    private static Optional<FieldViolation> violation(String message) {
        return Optional.of(new FieldViolation("password", message));
    }
}
