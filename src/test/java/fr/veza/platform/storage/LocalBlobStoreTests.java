package fr.veza.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTests extends BlobStoreContract {

    @TempDir
    Path root;

    private LocalBlobStore store;

    @BeforeEach
    void open() throws IOException {
        store = new LocalBlobStore(root);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoObject() {
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        try {
            store.put("partial/object", failing, 5000, "application/octet-stream");
        } catch (IOException expected) {
            // the upload broke off
        }

        assertThat(store.localPath("partial/object")).isEmpty();
        try (var leftovers = Files.list(root.resolve(".tmp"))) {
            assertThat(leftovers).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void objectsAreFilesUnderTheRoot() throws IOException {
        store.put("tracks/abc/original", new ByteArrayInputStream(new byte[] {7}), 1, "audio/mpeg");

        assertThat(store.localPath("tracks/abc/original"))
                .hasValue(root.toRealPath().resolve("tracks/abc/original"));
    }
}
