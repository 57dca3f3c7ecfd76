package fr.veza.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * A stored object as a resource Spring MVC can serve with Range support. A local object is the file itself
 * (sendfile, positioned reads). Otherwise the stream opens lazily: Spring skips to the start of a range before
 * reading, and that skip becomes the offset of a ranged read from the store, so seeking into a large original on
 * S3 fetches only the bytes asked for, never the whole object up to them.
 */
public final class BlobResource extends AbstractResource {

    private final BlobStore store;
    private final String key;
    private final long size;

    private BlobResource(BlobStore store, String key, long size) {
        this.store = store;
        this.key = key;
        this.size = size;
    }

    public static Resource of(BlobStore store, String key, long size) {
        return store.localPath(key)
                .<Resource>map(FileSystemResource::new)
                .orElseGet(() -> new BlobResource(store, key, size));
    }

    @Override
    public String getDescription() {
        return "blob " + key;
    }

    @Override
    public InputStream getInputStream() {
        return new SeekingStream();
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public boolean exists() {
        return true;
    }

    /** Skips before the first read move the starting offset; the store is asked once, from there to the end. */
    private final class SeekingStream extends InputStream {

        private long offset;
        private InputStream open;

        @Override
        public long skip(long n) throws IOException {
            if (open != null) {
                return open.skip(n);
            }
            long skipped = Math.max(0, Math.min(n, size - offset));
            offset += skipped;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            return stream().read();
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            return stream().read(buffer, from, length);
        }

        @Override
        public void close() throws IOException {
            if (open != null) {
                open.close();
            }
        }

        private InputStream stream() throws IOException {
            if (open == null) {
                open = offset >= size ? InputStream.nullInputStream() : store.open(key, offset, size - offset);
            }
            return open;
        }
    }
}
