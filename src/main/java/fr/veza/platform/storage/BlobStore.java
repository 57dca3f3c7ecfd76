package fr.veza.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where files live: the local file system by default, any S3-compatible store in production. Keys are made by
 * the server ({@link BlobKeys}), never taken from user input. A {@code put} is atomic: a reader sees the whole
 * object or nothing, so a crash mid-upload never leaves a half-written file under a real key.
 */
public interface BlobStore {

    /** Stores the stream under the key, replacing any object there. */
    void put(String key, InputStream content, long length, String contentType) throws IOException;

    void put(String key, Path file, String contentType) throws IOException;

    Optional<BlobInfo> stat(String key) throws IOException;

    default boolean exists(String key) throws IOException {
        return stat(key).isPresent();
    }

    InputStream open(String key) throws IOException;

    /** Bytes {@code offset} to {@code offset + length - 1}. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** Deletes the object; an absent object is not an error. */
    void delete(String key) throws IOException;

    /** Deletes every object whose key starts with the prefix. */
    void deletePrefix(String prefix) throws IOException;

    /** The object as a local file, when the store is the local file system; lets ffmpeg read it in place. */
    default Optional<Path> localPath(String key) {
        return Optional.empty();
    }

    /** A short name for health and logs ({@code local}, {@code s3}). */
    String kind();

    record BlobInfo(long size, String contentType) {}
}
