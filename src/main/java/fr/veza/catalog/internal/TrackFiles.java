package fr.veza.catalog.internal;

import fr.veza.catalog.DownloadRights;
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
 * leaves unreachable files behind (logged), never a row pointing at missing ones. The upload of a track somebody
 * bought stays for its buyers ({@code original_retained}) until {@link RetainedOriginalsWorker} finds nobody left.
 */
@Component
class TrackFiles {

    private static final Logger log = LoggerFactory.getLogger(TrackFiles.class);

    private final BlobStore blobs;
    private final StreamIndex streamIndex;
    private final List<DownloadRights> downloadRights;

    TrackFiles(BlobStore blobs, StreamIndex streamIndex, List<DownloadRights> downloadRights) {
        this.blobs = blobs;
        this.streamIndex = streamIndex;
        this.downloadRights = downloadRights;
    }

    /**
     * Where one track's files are, as its row says.
     *
     * @param originalRetained the upload stays: buyers may still download it
     */
    record Stored(
            UUID trackId,
            String original,
            String cover,
            String hlsPrefix,
            String thumbnailPrefix,
            boolean originalRetained) {

        static Stored of(Track track, boolean originalRetained) {
            return new Stored(
                    track.id(),
                    track.filePath(),
                    track.coverPath(),
                    track.hlsPrefix(),
                    track.thumbnailPrefix(),
                    originalRetained);
        }
    }

    /** Whether deleting the track must keep its original: somebody still has the right to download it. */
    boolean mustRetainOriginal(UUID trackId) {
        return downloadRights.stream().anyMatch(rights -> rights.anyHolder(trackId));
    }

    void delete(List<Stored> tracks) {
        for (Stored track : tracks) {
            streamIndex.forget(track.trackId());
            List<String> failed = new ArrayList<>();
            for (String key : new String[] {track.originalRetained() ? null : track.original(), track.cover()}) {
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
