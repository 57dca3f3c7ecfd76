package fr.veza.platform.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on the embedded database's directory, held for the life of the server. The kernel drops
 * it when the process dies, however it dies, so holding it proves that no other live Veza uses the directory and
 * that any PostgreSQL found running there was left behind by one that is gone.
 */
final class EmbeddedPostgresLock implements AutoCloseable {

    static final String FILE_NAME = "veza.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedPostgresLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code directory}, or throws {@link DataDirectoryInUseException} if a live server has it. */
    static EmbeddedPostgresLock acquire(Path directory) throws IOException {
        FileChannel channel =
                FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(directory);
        }
        return new EmbeddedPostgresLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
