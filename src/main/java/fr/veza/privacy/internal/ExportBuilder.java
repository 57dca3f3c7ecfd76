package fr.veza.privacy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.platform.privacy.PersonalData;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds one export: every capability writes its files into a ZIP in a temporary file, which is then stored in the
 * blob store under a key made from the export's id. The rows are read in one read-only transaction, so the archive
 * is a consistent picture, and with a fetch size, so PostgreSQL streams them instead of sending all at once.
 */
@Component
class ExportBuilder {

    private final List<PersonalData> personalData;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final BlobStore blobs;
    private final ObjectMapper json;

    ExportBuilder(
            List<PersonalData> personalData,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            BlobStore blobs,
            ObjectMapper json) {
        this.personalData = personalData;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.blobs = blobs;
        this.json = json;
    }

    /** Returns the stored archive's size. */
    long build(UUID exportId, UUID userId, Instant at, String blobKey) throws IOException {
        Path file = Files.createTempFile("veza-export-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                ZipExportFiles archive = new ZipExportFiles(out, jdbc, blobs, json);
                readOnly.executeWithoutResult(status -> {
                    try {
                        for (PersonalData data : personalData) {
                            data.export(userId, archive);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                archive.finish(userId, at);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            blobs.put(blobKey, file, "application/zip");
            return Files.size(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
