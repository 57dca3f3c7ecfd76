package fr.veza.marketplace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails the build when any code writes a payout's status other than {@link TransferStateMachine}: an UPDATE of
 * {@code seller_transfers} that sets {@code status}, or an INSERT outside the repository's create (which decides
 * the status before the row exists).
 */
class TransferStatusWritesTests {

    private static final Pattern UPDATE =
            Pattern.compile("UPDATE\\s+seller_transfers\\b(.*?)\\bWHERE\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SETS_STATUS = Pattern.compile("(SET|,)\\s*status\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT =
            Pattern.compile("INSERT\\s+INTO\\s+seller_transfers\\b", Pattern.CASE_INSENSITIVE);
    private static final Path SOURCES = Path.of("src", "main");

    @Test
    void onlyTheStateMachineChangesATransfersStatus() throws IOException {
        assertThat(violations(SOURCES)).isEmpty();
    }

    @Test
    void theScanCatchesAStatusWriteAnywhereElse(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("Sneaky.java"), """
                class Sneaky {
                    String sql = \"""
                            UPDATE seller_transfers SET retry_count = 0,
                                status = 'completed' WHERE id = ?
                            \""";
                }
                """);
        Files.writeString(
                sources.resolve("Creator.java"), "String s = \"insert into SELLER_TRANSFERS (id) values (1)\";");
        Files.writeString(
                sources.resolve("Lease.java"),
                "String s = \"UPDATE seller_transfers SET next_retry_at = now() WHERE status = 'failed'\";");

        assertThat(violations(sources))
                .containsExactlyInAnyOrder(
                        "Sneaky.java: UPDATE sets status", "Creator.java: INSERT outside TransferRepository.create");
    }

    static List<String> violations(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                if (!name.equals("TransferStateMachine.java")) {
                    Matcher update = UPDATE.matcher(text);
                    while (update.find()) {
                        if (SETS_STATUS.matcher(update.group(1)).find()) {
                            found.add(name + ": UPDATE sets status");
                        }
                    }
                }
                if (!name.equals("TransferRepository.java")
                        && !name.endsWith(".sql")
                        && INSERT.matcher(text).find()) {
                    found.add(name + ": INSERT outside TransferRepository.create");
                }
                if (name.equals("TransferRepository.java")
                        && text.toLowerCase(Locale.ROOT).split("insert into seller_transfers", -1).length > 2) {
                    found.add(name + ": more than one INSERT");
                }
            }
        }
        return found;
    }
}
