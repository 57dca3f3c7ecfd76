package fr.veza.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.BlobStores;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestS3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incremental copy of the blob store, on a real PostgreSQL manifest, to a directory and to S3 (S3Mock): what a
 * second pass copies, how a corrupted copy is found and mended, how a pass cut in the middle goes on, and when a
 * deleted object leaves the backup.
 */
class BlobBackupIntegrationTests extends IntegrationTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant NIGHT = Instant.parse("2026-12-01T03:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    private BlobStore source;
    private Path backupDir;
    private BackupTarget target;
    private BackupManifest manifest;

    @BeforeEach
    void stores() throws IOException {
        source = BlobStores.directory(temp.resolve("store"));
        backupDir = temp.resolve("backup");
        target = BackupTarget.claim(BlobStores.directory(backupDir), "");
        manifest = new BackupManifest(jdbc);
    }

    @Test
    void aSecondPassCopiesNothingAndAChangedObjectIsCopiedAgain() throws IOException {
        put(source, "tracks/a/original", "the original upload");
        put(source, "tracks/a/hls/128/seg-00000.ts", "a segment");
        put(source, "avatars/u/256.webp", "a face");

        BlobBackup.Pass first = pass(target, NIGHT);
        assertThat(first.copied()).isEqualTo(3);
        assertThat(first.bytesCopied()).isEqualTo(19 + 9 + 6);
        assertThat(first.complete()).isTrue();
        assertThat(backupDir.resolve("blobs/tracks/a/original")).hasContent("the original upload");
        assertThat(backupDir.resolve("blobs/avatars/u/256.webp")).hasContent("a face");

        BlobBackup.Pass second = pass(target, NIGHT.plus(Duration.ofDays(1)));
        assertThat(second.copied()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);

        put(source, "avatars/u/256.webp", "a new face");
        BlobBackup.Pass third = pass(target, NIGHT.plus(Duration.ofDays(2)));
        assertThat(third.copied()).isEqualTo(1);
        assertThat(backupDir.resolve("blobs/avatars/u/256.webp")).hasContent("a new face");
    }

    @Test
    void aCopyThatNoLongerMatchesItsChecksumIsFoundAndCopiedAgain() throws IOException {
        put(source, "tracks/b/original", "sixteen bytes!!!");
        pass(target, NIGHT);
        // a disk that rots, or a hand that edits the backup: same size, other bytes
        Files.writeString(backupDir.resolve("blobs/tracks/b/original"), "sixteen bytes???");

        BlobBackup.Pass checked = pass(target, NIGHT.plus(Duration.ofDays(1)));

        assertThat(checked.mismatches()).isEqualTo(1);
        assertThat(checked.copied()).isEqualTo(1);
        assertThat(backupDir.resolve("blobs/tracks/b/original")).hasContent("sixteen bytes!!!");
        BlobBackup.Pass again = pass(target, NIGHT.plus(Duration.ofDays(2)));
        assertThat(again.mismatches()).isZero();
        assertThat(again.verified()).isEqualTo(1);

        Files.delete(backupDir.resolve("blobs/tracks/b/original"));
        assertThat(pass(target, NIGHT.plus(Duration.ofDays(3))).mismatches()).isEqualTo(1);
        assertThat(backupDir.resolve("blobs/tracks/b/original")).hasContent("sixteen bytes!!!");
    }

    @Test
    void aPassCutInTheMiddleLeavesOnlyFinishedCopiesAndTheNextGoesOnFromThere() throws IOException {
        for (int i = 0; i < 5; i++) {
            put(source, "tracks/c/hls/128/seg-0000" + i + ".ts", "segment " + i);
        }
        // the process dies at the third copy: nothing after it runs, not even the end of the pass
        BackupTarget dying = new BackupTarget(target.id(), dyingAtPut(target.store(), 3), target.prefix());
        assertThatThrownBy(() -> pass(dying, NIGHT)).hasMessageContaining("power cut");
        assertThat(recorded()).isEqualTo(2);

        BlobBackup.Pass resumed = pass(target, NIGHT.plus(Duration.ofHours(1)));

        assertThat(resumed.copied()).isEqualTo(3);
        assertThat(resumed.unchanged()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(backupDir.resolve("blobs/tracks/c/hls/128/seg-0000" + i + ".ts"))
                    .hasContent("segment " + i);
        }
        assertThat(backupDir.resolve(".tmp")).isEmptyDirectory();
    }

    @Test
    void anObjectDeletedFromTheStoreLeavesTheBackupOnceTheRetentionHasPassed() throws IOException {
        put(source, "avatars/erased/256.webp", "someone who left");
        put(source, "avatars/stays/256.webp", "someone who stays");
        pass(target, NIGHT);
        source.delete("avatars/erased/256.webp");

        Instant deletedSeen = NIGHT.plus(Duration.ofDays(1));
        assertThat(pass(target, deletedSeen).markedMissing()).isEqualTo(1);
        assertThat(backupDir.resolve("blobs/avatars/erased/256.webp")).exists();
        assertThat(pass(target, deletedSeen.plus(RETENTION).minusSeconds(1)).purged())
                .isZero();
        assertThat(backupDir.resolve("blobs/avatars/erased/256.webp")).exists();

        BlobBackup.Pass afterRetention = pass(target, deletedSeen.plus(RETENTION));

        assertThat(afterRetention.purged()).isEqualTo(1);
        assertThat(backupDir.resolve("blobs/avatars/erased/256.webp")).doesNotExist();
        assertThat(backupDir.resolve("blobs/avatars/stays/256.webp")).hasContent("someone who stays");
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void anS3TargetUnderAPrefixGetsTheSameCopies() throws IOException {
        BlobStore bucket = TestS3.bucket("veza-backups");
        String prefix = "nightly/" + UUID.randomUUID() + "/";
        BackupTarget s3 = BackupTarget.claim(bucket, prefix);
        put(source, "tracks/d/original", "to the bucket");
        put(source, "covers/d/1024.webp", "a cover");

        assertThat(pass(s3, NIGHT).copied()).isEqualTo(2);

        assertThat(read(bucket, prefix + "blobs/tracks/d/original")).isEqualTo("to the bucket");
        assertThat(read(bucket, prefix + "blobs/covers/d/1024.webp")).isEqualTo("a cover");
        assertThat(pass(s3, NIGHT.plus(Duration.ofDays(1))).copied()).isZero();
        assertThat(BackupTarget.existing(bucket, prefix).orElseThrow().id()).isEqualTo(s3.id());
    }

    @Test
    void aBucketOfTheStoresOwnServiceIsCopiedToServerSide() throws IOException {
        BlobStore s3Source = TestS3.bucket("veza-source");
        String key = "tracks/" + UUID.randomUUID() + "/original";
        put(s3Source, key, "copied by the S3 service itself");
        BlobStore sameService = BlobStores.sameService(s3Source, "veza-backups").orElseThrow();
        BackupTarget s3 = BackupTarget.claim(sameService, "same-service/" + UUID.randomUUID() + "/");
        AtomicInteger serverSideCopies = new AtomicInteger();
        BlobStore watchedSource = intercepting(s3Source, (method, result) -> {
            if (method.equals("copyWithinService") && Boolean.TRUE.equals(result)) {
                serverSideCopies.incrementAndGet();
            }
        });

        BlobBackup.Pass pass = new BlobBackup(watchedSource, s3, manifest, RETENTION, Duration.ofDays(1))
                .run(new WorkerRun(NIGHT, () -> false));

        assertThat(pass.failed()).isZero();
        assertThat(serverSideCopies.get()).isEqualTo(pass.copied()).isPositive();
        assertThat(read(sameService, s3.blobKey(key))).isEqualTo("copied by the S3 service itself");
    }

    private BlobBackup.Pass pass(BackupTarget to, Instant at) throws IOException {
        return new BlobBackup(source, to, manifest, RETENTION, Duration.ofDays(1)).run(new WorkerRun(at, () -> false));
    }

    private long recorded() {
        return jdbc.sql("SELECT count(*) FROM backup_objects WHERE target = :target")
                .param("target", target.id())
                .query(Long.class)
                .single();
    }

    private static void put(BlobStore store, String key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
    }

    private static String read(BlobStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BlobStore dyingAtPut(BlobStore store, int fatalPut) {
        AtomicInteger puts = new AtomicInteger();
        return (BlobStore) Proxy.newProxyInstance(
                BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put") && puts.incrementAndGet() == fatalPut) {
                        throw new IllegalStateException("power cut");
                    }
                    return invoke(store, method, args);
                });
    }

    /** The store, with a look at each call's name and result. */
    private static BlobStore intercepting(BlobStore store, BiConsumer<String, Object> after) {
        return (BlobStore) Proxy.newProxyInstance(
                BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class}, (proxy, method, args) -> {
                    Object result = invoke(store, method, args);
                    after.accept(method.getName(), result);
                    return result;
                });
    }

    private static Object invoke(BlobStore store, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(store, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
