package fr.veza.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps segment requests off the database. A media version's segments never change once recorded, so their index
 * is cached for as long as memory allows; whether a track may stream (ready, not deleted, which version) is cached
 * for {@link #STATE_TTL} only, so a deletion or a takedown stops streaming within seconds on every instance (and
 * at once on this one).
 */
@Component
class StreamIndex {

    static final Duration STATE_TTL = Duration.ofSeconds(5);

    private final TrackRepository tracks;
    private final MediaRepository media;
    private final Cache<UUID, Optional<Track>> state = Caffeine.newBuilder()
            .expireAfterWrite(STATE_TTL)
            .maximumSize(50_000)
            .build();
    private final Cache<String, List<MediaRepository.StoredSegment>> segments =
            Caffeine.newBuilder().maximumSize(20_000).build();
    private final Cache<String, List<MediaRepository.StoredRendition>> renditions =
            Caffeine.newBuilder().maximumSize(20_000).build();
    private final Cache<String, Long> sizes =
            Caffeine.newBuilder().maximumSize(20_000).build();
    private final BlobStore blobs;

    StreamIndex(TrackRepository tracks, MediaRepository media, BlobStore blobs) {
        this.tracks = tracks;
        this.media = media;
        this.blobs = blobs;
    }

    /** The track if it exists and is not deleted, as of at most a few seconds ago. */
    Optional<Track> track(UUID trackId) {
        return state.get(trackId, tracks::find);
    }

    Optional<MediaRepository.StoredSegment> segment(UUID trackId, int version, String rendition, int seq) {
        List<MediaRepository.StoredSegment> all = segments(trackId, version, rendition);
        return seq >= 0 && seq < all.size() && all.get(seq).seq() == seq ? Optional.of(all.get(seq)) : Optional.empty();
    }

    /** The rendition's segments in order (numbered from 0 without gaps, as ffmpeg writes them). */
    List<MediaRepository.StoredSegment> segments(UUID trackId, int version, String rendition) {
        return segments.get(
                trackId + "/" + version + "/" + rendition, key -> media.segments(trackId, version, rendition));
    }

    /** A media version's renditions, which never change once recorded either. */
    List<MediaRepository.StoredRendition> renditions(UUID trackId, int version) {
        return renditions.get(trackId + "/" + version, key -> media.renditions(trackId, version));
    }

    /** The size of a stored media object of a recorded version (an initialisation segment). */
    long size(String key) {
        return sizes.get(key, k -> {
            try {
                return blobs.stat(k).map(info -> info.size()).orElseThrow(() -> VezaException.notFound("Media"));
            } catch (IOException e) {
                throw VezaException.unavailable("Storage is unavailable.", e);
            }
        });
    }

    void forget(UUID trackId) {
        state.invalidate(trackId);
    }
}
