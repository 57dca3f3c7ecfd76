package fr.veza;

import fr.veza.platform.backup.RestoreCommand;
import fr.veza.platform.db.EmbeddedDatabase;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import sun.misc.Signal;

/** Veza: a music platform for independent artists, in one service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VezaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(RestoreCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        exitCleanlyOnSigterm();
        SpringApplication application = new SpringApplication(VezaApplication.class);
        application.addListeners(EmbeddedDatabase.startEarly());
        application.run(args);
    }

    /**
     * A JVM stopped by SIGTERM exits with 143 even when its shutdown went well; orchestrators read that as a
     * crash. Turning SIGTERM into {@code System.exit(0)} runs the same shutdown hooks (graceful HTTP drain,
     * worker stop, store close) and reports success.
     */
    private static void exitCleanlyOnSigterm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> new Thread(() -> System.exit(0), "sigterm").start());
        } catch (IllegalArgumentException unsupportedPlatform) {
            // no SIGTERM on this platform: the JVM default applies
        }
    }
}
