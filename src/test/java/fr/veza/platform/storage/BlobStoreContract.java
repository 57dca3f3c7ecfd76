package fr.veza.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link BlobStore} must do, whatever is behind it. */
abstract class BlobStoreContract {

    abstract BlobStore store();

    /**
     * A range of a stored object, read the way Spring MVC serves a Range request (skip to the start, read the
     * length): the right bytes, and on a remote store a single read starting at the range, not at byte 0.
     */
    @Test
    void aResourceServesARangeFromItsStart() throws IOException {
        byte[] content = new byte[1_000_000];
        new java.util.Random(7).nextBytes(content);
        store().put("contract/range.bin", new ByteArrayInputStream(content), content.length, "audio/mpeg");
        java.util.List<Long> offsets = new java.util.concurrent.CopyOnWriteArrayList<>();
        BlobStore recording = new ForwardingBlobStore(store()) {
            @Override
            public InputStream open(String key, long offset, long length) throws IOException {
                offsets.add(offset);
                return super.open(key, offset, length);
            }
        };
        var resource = BlobResource.of(recording, "contract/range.bin", content.length);

        var out = new java.io.ByteArrayOutputStream();
        try (InputStream in = resource.getInputStream()) {
            org.springframework.util.StreamUtils.copyRange(in, out, 600_000, 600_099);
        }

        assertThat(out.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(content, 600_000, 600_100));
        if (store().localPath("contract/range.bin").isPresent()) {
            assertThat(resource.isFile()).isTrue();
        } else {
            assertThat(offsets).containsExactly(600_000L);
        }
    }

    @Test
    void storesReadsAndDeletesAnObject() throws IOException {
        byte[] content = "hello, storage".getBytes(StandardCharsets.UTF_8);
        store().put("contract/a/object.bin", new ByteArrayInputStream(content), content.length, "text/plain");

        assertThat(store().stat("contract/a/object.bin"))
                .hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(14));
        try (InputStream in = store().open("contract/a/object.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = store().open("contract/a/object.bin", 7, 7)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("storage");
        }
        store().delete("contract/a/object.bin");
        assertThat(store().exists("contract/a/object.bin")).isFalse();
        store().delete("contract/a/object.bin"); // already gone is not an error
    }

    @Test
    void storesAFileAndReplacesWhatWasThere(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("f.txt"), "second version");
        store().put("contract/replace", new ByteArrayInputStream(new byte[] {1}), 1, "application/octet-stream");

        store().put("contract/replace", file, "text/plain");

        try (InputStream in = store().open("contract/replace")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second version");
        }
    }

    @Test
    void deletesEverythingUnderAPrefixAndNothingElse() throws IOException {
        for (String key : new String[] {"contract/p/one", "contract/p/sub/two", "contract/pp/three"}) {
            store().put(key, new ByteArrayInputStream(new byte[] {1}), 1, "application/octet-stream");
        }

        store().deletePrefix("contract/p");

        assertThat(store().exists("contract/p/one")).isFalse();
        assertThat(store().exists("contract/p/sub/two")).isFalse();
        assertThat(store().exists("contract/pp/three")).isTrue();
    }

    @Test
    void listsTheObjectsUnderAPrefixWithSizeAndAChangingModificationTime() throws Exception {
        store().put("contract/list/one", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "audio/mpeg");
        store().put("contract/list/sub/two", new ByteArrayInputStream(new byte[] {4}), 1, "audio/mpeg");
        store().put("contract/listed-not", new ByteArrayInputStream(new byte[] {5}), 1, "audio/mpeg");

        java.util.Map<String, BlobStore.StoredObject> listed;
        try (var objects = store().list("contract/list")) {
            listed = objects.collect(java.util.stream.Collectors.toMap(BlobStore.StoredObject::key, o -> o));
        }

        assertThat(listed).containsOnlyKeys("contract/list/one", "contract/list/sub/two");
        assertThat(listed.get("contract/list/one").size()).isEqualTo(3);
        assertThat(listed.get("contract/list/sub/two").modified()).isNotNull();
        try (var everything = store().list("")) {
            assertThat(everything.map(BlobStore.StoredObject::key)).contains("contract/listed-not");
        }
        try (var nothing = store().list("contract/absent")) {
            assertThat(nothing).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "/etc/passwd", "a/../../b", "a//b", "UPPER/case", "a/./b", "a\\b", ""})
    void refusesKeysThatCouldEscapeTheRoot(String key) {
        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[0]), 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().open(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
