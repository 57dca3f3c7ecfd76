package fr.veza.platform.storage;

import fr.veza.support.TestS3;
import org.junit.jupiter.api.BeforeAll;

/** The same contract against an S3 API (Adobe S3Mock, in this JVM). */
class S3BlobStoreIntegrationTests extends BlobStoreContract {

    private static BlobStore store;

    @BeforeAll
    static void connect() {
        store = TestS3.bucket("veza-test");
    }

    @Override
    BlobStore store() {
        return store;
    }
}
