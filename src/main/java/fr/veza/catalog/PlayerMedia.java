package fr.veza.catalog;

import fr.veza.identity.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;

/**
 * A song's bytes for players, as one file they can seek in (never a playlist of segments): the renditions Veza
 * already made, or the original for whoever may have it. What the viewer may not play is absent.
 */
public interface PlayerMedia {

    /** What a rendition streams as: its HLS segments are one MPEG-TS stream of AAC. */
    String STREAM_CONTENT_TYPE = "audio/mp2t";

    String STREAM_SUFFIX = "ts";

    /** What the lossless rendition streams as: FLAC in one fragmented MP4. */
    String LOSSLESS_CONTENT_TYPE = "audio/mp4";

    String LOSSLESS_SUFFIX = "m4a";

    /**
     * @param maxKbps 0 for no limit
     * @param original the original file, for whoever may have it
     * @param lossless the lossless rendition, where the song has one (a lossless upload)
     */
    Optional<File> stream(UUID trackId, int maxKbps, boolean original, boolean lossless, CurrentUser viewer);

    /** The original for its owner and buyers, the best rendition (lossless first) for anyone else. */
    Optional<File> download(UUID trackId, CurrentUser viewer);

    /** The song's cover, in the smallest stored size at least {@code size} pixels wide (the largest when none is). */
    Optional<File> cover(UUID trackId, int size, CurrentUser viewer);

    /**
     * @param body seekable: skipping before the first read does not read what it skips
     * @param suffix the file name's extension
     * @param name the name to save the file under (the track's title and the suffix)
     */
    record File(Resource body, long length, String contentType, String suffix, String etag, String name) {}
}
