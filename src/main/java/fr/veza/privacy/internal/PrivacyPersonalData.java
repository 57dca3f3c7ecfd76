package fr.veza.privacy.internal;

import fr.veza.platform.db.AfterCommit;
import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Exports are personal data too: a closed account's stop working at once, and erasure deletes them. */
@Component
class PrivacyPersonalData implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PrivacyPersonalData.class);

    private final ExportRepository exports;
    private final BlobStore blobs;

    PrivacyPersonalData(ExportRepository exports, BlobStore blobs) {
        this.exports = exports;
        this.blobs = blobs;
    }

    @Override
    public void export(UUID userId, ExportFiles files) {
        // an export does not contain the person's earlier exports
    }

    @Override
    public void accountClosed(UUID userId, boolean keepPublicTracks) {
        List<String> archives = exports.expireAllOf(userId);
        AfterCommit.run(() -> delete(archives));
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        List<String> archives = exports.deleteAllOf(userId);
        AfterCommit.run(() -> delete(archives));
        return Map.of("exports", archives.size());
    }

    private void delete(List<String> archives) {
        for (String key : archives) {
            try {
                blobs.delete(key);
            } catch (IOException e) {
                log.warn("an export archive of a closed account was not deleted error={}", e.toString());
            }
        }
    }
}
