package fr.veza.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every environment variable the configuration reads is documented in .env.template, and nothing else is. */
class EnvTemplateTests {

    @Test
    void theTemplateDocumentsExactlyTheVariablesTheConfigurationReads() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml"))
                    .toList()) {
                collect(Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)"), Files.readString(file), read);
            }
        }
        Set<String> documented = new TreeSet<>();
        collect(Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)="), Files.readString(Path.of(".env.template")), documented);

        assertThat(documented).isEqualTo(read);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
