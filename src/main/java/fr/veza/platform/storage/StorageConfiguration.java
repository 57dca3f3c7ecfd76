package fr.veza.platform.storage;

import fr.veza.platform.config.PlatformSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(StorageSettings storage, PlatformSettings platform) throws IOException {
        if (storage.backend() == StorageSettings.Backend.S3) {
            return new S3BlobStore(s3Client(storage), storage.s3Bucket());
        }
        Path root = storage.localDir() != null
                ? storage.localDir()
                : platform.dataDir().resolve("blobs");
        return new LocalBlobStore(root);
    }

    @Bean
    HealthIndicator storageHealthIndicator(BlobStore blobs) {
        return () -> {
            try {
                if (blobs instanceof S3BlobStore s3) {
                    s3.checkBucket();
                } else {
                    blobs.exists("health/probe");
                }
                return Health.up().withDetail("kind", blobs.kind()).build();
            } catch (RuntimeException | IOException e) {
                return Health.down().withDetail("kind", blobs.kind()).build();
            }
        };
    }

    static S3Client s3Client(StorageSettings storage) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(storage.s3Region()))
                .forcePathStyle(storage.s3PathStyle());
        if (storage.s3Endpoint() != null) {
            builder.endpointOverride(storage.s3Endpoint());
        }
        if (storage.s3AccessKey() != null && !storage.s3AccessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    storage.s3AccessKey().value(), storage.s3SecretKey().value())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
