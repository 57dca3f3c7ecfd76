package fr.veza.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Gives every secret a value. A configured one wins; outside production a missing one is generated once and
 * kept under the data directory, so tokens survive a restart of a development server without anyone having
 * to invent a key. Production never gets here without real secrets (see {@link ProductionGuard}).
 */
@Component
public class SecretResolver {

    private final PlatformSettings settings;
    private final SecureRandom random = new SecureRandom();

    SecretResolver(PlatformSettings settings) {
        this.settings = settings;
    }

    public synchronized Secret resolve(Secret configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (settings.environment().isProduction()) {
            throw new ProductionMisconfigurationException(java.util.List.of(name));
        }
        Path file = settings.dataDir().resolve("secrets").resolve(name.toLowerCase(java.util.Locale.ROOT));
        try {
            if (Files.exists(file)) {
                return new Secret(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[48];
            random.nextBytes(key);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            Files.writeString(file, value);
            restrictToOwner(file);
            return new Secret(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development secret " + name + " at " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }
}
