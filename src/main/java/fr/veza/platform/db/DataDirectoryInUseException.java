package fr.veza.platform.db;

import java.nio.file.Path;

/** Another live Veza holds the embedded database's directory: two servers on one data directory corrupt it. */
public class DataDirectoryInUseException extends RuntimeException {

    DataDirectoryInUseException(Path dataDirectory) {
        super("another Veza is running on " + dataDirectory.toAbsolutePath() + " (it holds "
                + EmbeddedPostgresLock.FILE_NAME + ")");
    }
}
