package fr.veza.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Objects in an S3-compatible bucket (AWS, MinIO, Garage, Ceph...). PutObject is atomic by nature. */
class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;

    S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        try {
            s3.putObject(
                    request -> request.bucket(bucket).key(BlobKeys.require(key)).contentType(contentType),
                    RequestBody.fromInputStream(content, length));
        } catch (S3Exception e) {
            throw new IOException("S3 put " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            s3.putObject(
                    request -> request.bucket(bucket).key(BlobKeys.require(key)).contentType(contentType),
                    RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw new IOException("S3 put " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        try {
            HeadObjectResponse head =
                    s3.headObject(request -> request.bucket(bucket).key(BlobKeys.require(key)));
            return Optional.of(new BlobInfo(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("S3 head " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(BlobKeys.require(key)));
        } catch (S3Exception e) {
            throw new IOException("S3 get " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return s3.getObject(
                    request -> request.bucket(bucket).key(BlobKeys.require(key)).range(range));
        } catch (S3Exception e) {
            throw new IOException("S3 get " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(BlobKeys.require(key)));
        } catch (S3Exception e) {
            throw new IOException("S3 delete " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        String safe = BlobKeys.requirePrefix(prefix);
        try {
            var pages = s3.listObjectsV2Paginator(
                    ListObjectsV2Request.builder().bucket(bucket).prefix(safe).build());
            for (var page : pages) {
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(S3Object::key)
                        .map(key -> ObjectIdentifier.builder().key(key).build())
                        .toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(DeleteObjectsRequest.builder()
                            .bucket(bucket)
                            .delete(Delete.builder().objects(keys).quiet(true).build())
                            .build());
                }
            }
        } catch (S3Exception e) {
            throw new IOException("S3 delete under " + prefix + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) throws IOException {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
        if (!prefix.isEmpty()) {
            request.prefix(BlobKeys.requirePrefix(prefix));
        }
        try {
            return s3.listObjectsV2Paginator(request.build()).contents().stream()
                    .filter(object -> BlobKeys.isSafe(object.key()))
                    .map(object -> new StoredObject(
                            object.key(), object.size(), object.lastModified().truncatedTo(ChronoUnit.MICROS)));
        } catch (S3Exception e) {
            throw new IOException("S3 list under " + prefix + " failed: " + e.getMessage(), e);
        }
    }

    /** A server-side CopyObject when the target is a bucket of the same S3 service, reached with the same client. */
    @Override
    public boolean copyWithinService(String key, BlobStore target, String targetKey) throws IOException {
        if (!(target instanceof S3BlobStore other) || other.s3 != s3) {
            return false;
        }
        try {
            s3.copyObject(request -> request.sourceBucket(bucket)
                    .sourceKey(BlobKeys.require(key))
                    .destinationBucket(other.bucket)
                    .destinationKey(BlobKeys.require(targetKey)));
            return true;
        } catch (S3Exception e) {
            throw new IOException("S3 copy " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** Another bucket of the same service, through the same client (so copies between the two stay server-side). */
    S3BlobStore withBucket(String otherBucket) {
        return new S3BlobStore(s3, otherBucket);
    }

    @Override
    public String kind() {
        return "s3";
    }

    void checkBucket() {
        s3.headBucket(request -> request.bucket(bucket));
    }
}
