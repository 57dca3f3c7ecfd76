package fr.veza.platform.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Objects as files under one root directory; writes go to a temporary file renamed into place. */
class LocalBlobStore implements BlobStore {

    private final Path root;

    LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        Files.createDirectories(this.root.resolve(".tmp"));
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        write(key, temporary -> Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        write(key, temporary -> Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING));
    }

    /** Fills a temporary file, then renames it into place: readers see the whole object or none. */
    private void write(String key, Filler filler) throws IOException {
        Path target = resolve(key);
        Path temporary = temporaryFile();
        try {
            filler.fill(temporary);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @FunctionalInterface
    private interface Filler {
        void fill(Path temporary) throws IOException;
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        Path file = resolve(key);
        return Files.isRegularFile(file) ? Optional.of(new BlobInfo(Files.size(file), null)) : Optional.empty();
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(resolve(key), StandardOpenOption.READ);
        channel.position(offset);
        InputStream whole = Channels.newInputStream(channel);
        return new FilterInputStream(whole) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        Path directory = root.resolve(BlobKeys.requirePrefix(prefix)).normalize();
        if (!directory.startsWith(root) || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) throws IOException {
        Path directory = prefix.isEmpty()
                ? root
                : root.resolve(BlobKeys.requirePrefix(prefix)).normalize();
        if (!directory.startsWith(root) || !Files.isDirectory(directory)) {
            return Stream.empty();
        }
        Path temporaries = root.resolve(".tmp");
        return Files.find(directory, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile())
                .filter(path -> !path.startsWith(temporaries))
                .map(this::listed)
                .flatMap(Optional::stream);
    }

    private Optional<StoredObject> listed(Path file) {
        String key = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        if (!BlobKeys.isSafe(key)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            // PostgreSQL keeps microseconds: a finer time would read as a change on every comparison
            return Optional.of(new StoredObject(
                    key,
                    attributes.size(),
                    attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MICROS)));
        } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Path> localPath(String key) {
        Path file = resolve(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public String kind() {
        return "local";
    }

    private Path resolve(String key) {
        Path path = root.resolve(BlobKeys.require(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("unsafe storage key");
        }
        return path;
    }

    private Path temporaryFile() {
        return root.resolve(".tmp").resolve(UUID.randomUUID() + ".part");
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
