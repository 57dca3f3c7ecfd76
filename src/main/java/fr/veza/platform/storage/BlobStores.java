package fr.veza.platform.storage;

import fr.veza.platform.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Stores other than the configured one, for copies of it: a directory, or a bucket of an S3 service. */
public final class BlobStores {

    private BlobStores() {}

    public static BlobStore directory(Path root) throws IOException {
        return new LocalBlobStore(root);
    }

    /**
     * Another bucket of the service {@code store} lives on, through its client, so that copies between the two stay
     * on the server; empty when {@code store} is not on S3.
     */
    public static Optional<BlobStore> sameService(BlobStore store, String bucket) {
        return store instanceof S3BlobStore s3 ? Optional.of(s3.withBucket(bucket)) : Optional.empty();
    }

    /** A bucket of any S3-compatible service; empty keys use the default AWS credential chain. */
    public static BlobStore s3(
            URI endpoint, String region, Secret accessKey, Secret secretKey, boolean pathStyle, String bucket) {
        StorageSettings settings = new StorageSettings(
                StorageSettings.Backend.S3, null, endpoint, region, bucket, accessKey, secretKey, pathStyle);
        return new S3BlobStore(StorageConfiguration.s3Client(settings), bucket);
    }
}
