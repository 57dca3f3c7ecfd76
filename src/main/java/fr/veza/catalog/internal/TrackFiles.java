package fr.veza.catalog.internal;

import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes what a deleted track kept in storage: the upload, the cover, the HLS renditions and the thumbnails. Called
 * once the row's deletion is committed, so a rolled back deletion still finds its files; a storage failure only
 * leaves unreachable files behind (logged), never a row pointing at missing ones.
 */
@Component
class TrackFiles {

    private static final Logger log = LoggerFactory.getLogger(TrackFiles.class);

    private final BlobStore blobs;
    private final StreamIndex streamIndex;

    TrackFiles(BlobStore blobs, StreamIndex streamIndex) {
        this.blobs = blobs;
        this.streamIndex = streamIndex;
    }

    /** Where one track's files are, as its row says. */
    record Stored(UUID trackId, String original, String cover, String hlsPrefix, String thumbnailPrefix) {

        static Stored of(Track track) {
            return new Stored(
                    track.id(), track.filePath(), track.coverPath(), track.hlsPrefix(), track.thumbnailPrefix());
        }
    }

    void delete(List<Stored> tracks) {
        for (Stored track : tracks) {
            streamIndex.forget(track.trackId());
            List<String> failed = new ArrayList<>();
            for (String key : new String[] {track.original(), track.cover()}) {
                if (key != null && !deleted(() -> blobs.delete(key))) {
                    failed.add(key);
                }
            }
            for (String prefix : new String[] {track.hlsPrefix(), track.thumbnailPrefix()}) {
                if (prefix != null && !deleted(() -> blobs.deletePrefix(prefix))) {
                    failed.add(prefix);
                }
            }
            if (!failed.isEmpty()) {
                log.warn(
                        "track {}: {} of its files not removed from storage, left unreachable",
                        track.trackId(),
                        failed.size());
            }
        }
    }

    private interface Deletion {
        void run() throws IOException;
    }

    private static boolean deleted(Deletion deletion) {
        try {
            deletion.run();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
