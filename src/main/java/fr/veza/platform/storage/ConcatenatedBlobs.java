package fr.veza.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.AbstractResource;

/**
 * Stored objects served one after the other as a single resource (a rendition's segments as one file), with Range
 * support: a skip before the first read moves past whole objects without opening them, and the first object read
 * is opened at the offset within it, so a seek near the end of a track reads only the last segments.
 */
public final class ConcatenatedBlobs extends AbstractResource {

    private final BlobStore store;
    private final List<Part> parts;
    private final long length;
    private final String description;

    public ConcatenatedBlobs(BlobStore store, List<Part> parts, String description) {
        this.store = store;
        this.parts = List.copyOf(parts);
        this.length = parts.stream().mapToLong(Part::size).sum();
        this.description = description;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public InputStream getInputStream() {
        return new Concatenation();
    }

    /** One stored object and its size in bytes. */
    public record Part(String key, long size) {}

    private final class Concatenation extends InputStream {

        private long position;
        private int part;
        private long offsetInPart;
        private InputStream open;

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            long skipped = Math.min(n, length - position);
            long target = position + skipped;
            closeCurrent();
            position = 0;
            part = 0;
            while (part < parts.size() && position + parts.get(part).size() <= target) {
                position += parts.get(part).size();
                part++;
            }
            offsetInPart = target - position;
            position = target;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int from, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            while (part < parts.size()) {
                if (open == null) {
                    Part current = parts.get(part);
                    open = store.open(current.key(), offsetInPart, current.size() - offsetInPart);
                }
                int read = open.read(buffer, from, count);
                if (read > 0) {
                    position += read;
                    return read;
                }
                closeCurrent();
                part++;
                offsetInPart = 0;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            closeCurrent();
        }

        private void closeCurrent() throws IOException {
            if (open != null) {
                open.close();
                open = null;
            }
        }
    }
}
