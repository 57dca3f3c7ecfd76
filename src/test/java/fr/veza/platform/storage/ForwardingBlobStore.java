package fr.veza.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** A store that passes every call on; tests override the calls they want to watch or break. */
class ForwardingBlobStore implements BlobStore {

    private final BlobStore delegate;

    ForwardingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        delegate.put(key, content, length, contentType);
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        delegate.put(key, file, contentType);
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        return delegate.stat(key);
    }

    @Override
    public Stream<StoredObject> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public boolean copyWithinService(String key, BlobStore target, String targetKey) throws IOException {
        return delegate.copyWithinService(key, target, targetKey);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return delegate.open(key);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        return delegate.open(key, offset, length);
    }

    @Override
    public void delete(String key) throws IOException {
        delegate.delete(key);
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        delegate.deletePrefix(prefix);
    }

    @Override
    public Optional<Path> localPath(String key) {
        return delegate.localPath(key);
    }

    @Override
    public String kind() {
        return delegate.kind();
    }
}
