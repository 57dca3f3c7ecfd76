package fr.veza.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * Every object whose key starts with the prefix ({@code ""} for all), in no particular order, read lazily: close
     * the stream. Files that are not valid keys (an editor's backup, a half-written temporary) are not objects.
     */
    Stream<StoredObject> list(String prefix) throws IOException;

    /**
     * Copies an object into another store without passing its bytes through Veza, when both are the same S3
     * service; false when this pair cannot, and the caller streams the object instead.
     */
    default boolean copyWithinService(String key, BlobStore target, String targetKey) throws IOException {
        return false;
    }

    /** The object as a local file, when the store is the local file system; lets ffmpeg read it in place. */
    default Optional<Path> localPath(String key) {
        return Optional.empty();
    }

    /** A short name for health and logs ({@code local}, {@code s3}). */
    String kind();

    record BlobInfo(long size, String contentType) {}

    /** An object as a listing sees it; {@code modified} changes whenever the object is written again. */
    record StoredObject(String key, long size, Instant modified) {}
}
