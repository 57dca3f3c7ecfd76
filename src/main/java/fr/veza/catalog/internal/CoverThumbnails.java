package fr.veza.catalog.internal;

import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A cover's square thumbnails ({@link Track#THUMBNAIL_SIZES}), drawn by ffmpeg from any image it can decode, so
 * what reaches a browser is always Veza's own JPEG, never the uploaded bytes.
 */
@Component
class CoverThumbnails {

    private static final Logger log = LoggerFactory.getLogger(CoverThumbnails.class);

    private final Ffmpeg ffmpeg;
    private final CatalogSettings settings;
    private final BlobStore blobs;

    CoverThumbnails(Ffmpeg ffmpeg, CatalogSettings settings, BlobStore blobs) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
        this.blobs = blobs;
    }

    /** Draws the thumbnails of {@code source} into {@code work}; false if ffmpeg could not decode it. */
    boolean draw(Path source, Path work, Runnable heartbeat) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-i", source.toString(), "-filter_complex", filter()));
        for (int size : Track.THUMBNAIL_SIZES) {
            args.addAll(List.of(
                    "-map",
                    "[t" + size + "]",
                    "-frames:v",
                    "1",
                    "-q:v",
                    "3",
                    file(work, size).toString()));
        }
        Ffmpeg.Result result = ffmpeg.run(args, null, settings.transcodeTimeout(), heartbeat);
        if (result.exitCode() != 0) {
            log.info("cover could not be decoded: {}", result.lastError());
            return false;
        }
        return true;
    }

    /** Stores what {@link #draw} made under {@code prefix}, one {@code <size>.jpg} per size. */
    void store(Path work, String prefix) throws IOException {
        for (int size : Track.THUMBNAIL_SIZES) {
            blobs.put(prefix + "/" + size + ".jpg", file(work, size), "image/jpeg");
        }
    }

    private static Path file(Path work, int size) {
        return work.resolve("thumb-" + size + ".jpg");
    }

    private static String filter() {
        StringBuilder filter = new StringBuilder("[0:v]split=" + Track.THUMBNAIL_SIZES.size());
        for (int size : Track.THUMBNAIL_SIZES) {
            filter.append("[s").append(size).append("]");
        }
        for (int size : Track.THUMBNAIL_SIZES) {
            filter.append(";[s")
                    .append(size)
                    .append("]scale=")
                    .append(size)
                    .append(':')
                    .append(size)
                    .append(":force_original_aspect_ratio=increase,crop=")
                    .append(size)
                    .append(':')
                    .append(size)
                    .append("[t")
                    .append(size)
                    .append("]");
        }
        return filter.toString();
    }
}
