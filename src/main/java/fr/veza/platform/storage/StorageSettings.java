package fr.veza.platform.storage;

import fr.veza.platform.config.AbsoluteHttpUrl;
import fr.veza.platform.config.Secret;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param backend {@code STORAGE_BACKEND}: local or s3
 * @param localDir {@code STORAGE_LOCAL_DIR}: root of the local store; empty means VEZA_DATA_DIR/blobs
 * @param s3Endpoint {@code S3_ENDPOINT}: empty for AWS itself, else the store's URL (MinIO, Garage...)
 * @param s3Region {@code S3_REGION}
 * @param s3Bucket {@code S3_BUCKET}
 * @param s3AccessKey {@code S3_ACCESS_KEY}: empty uses the default AWS credential chain
 * @param s3SecretKey {@code S3_SECRET_KEY}
 * @param s3PathStyle {@code S3_PATH_STYLE}: true for most self-hosted stores
 */
@Validated
@ConfigurationProperties("veza.storage")
public record StorageSettings(
        @NotNull Backend backend,
        Path localDir,
        @AbsoluteHttpUrl URI s3Endpoint,
        @NotNull String s3Region,
        String s3Bucket,
        Secret s3AccessKey,
        Secret s3SecretKey,
        boolean s3PathStyle) {

    @AssertTrue(message = "S3_BUCKET must be set when STORAGE_BACKEND=s3")
    boolean isBucketGivenForS3() {
        return backend != Backend.S3 || (s3Bucket != null && !s3Bucket.isBlank());
    }

    public enum Backend {
        LOCAL,
        S3
    }
}
