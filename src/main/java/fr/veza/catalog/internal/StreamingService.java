package fr.veza.catalog.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobResource;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.web.SignedUrls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * HLS delivery. The master playlist is where access is decided (visibility, owner); everything below it is
 * reached through signed URLs that expire after {@code SIGNED_URL_TTL} plus the track's length, so playback never
 * outlives the grant by much and never breaks mid-track.
 */
@Service
public class StreamingService {

    private final TrackRepository tracks;
    private final StreamIndex index;
    private final TrackAccess access;
    private final HlsPlaylists playlists;
    private final SignedUrls signer;
    private final BlobStore blobs;
    private final PlatformSettings platform;
    private final Clock clock;

    StreamingService(
            TrackRepository tracks,
            StreamIndex index,
            TrackAccess access,
            HlsPlaylists playlists,
            SignedUrls signer,
            BlobStore blobs,
            PlatformSettings platform,
            Clock clock) {
        this.tracks = tracks;
        this.index = index;
        this.access = access;
        this.playlists = playlists;
        this.signer = signer;
        this.blobs = blobs;
        this.platform = platform;
        this.clock = clock;
    }

    /** @param lossless false to leave the lossless rendition out, for a player that must not choose it */
    public String master(UUID trackId, boolean lossless, CurrentUser viewer) {
        Track track = access.requireStreamable(find(trackId), viewer);
        StreamGrant grant = access.canManage(track, viewer) ? StreamGrant.MANAGER : StreamGrant.LISTENER;
        var renditions = index.renditions(track.id(), track.mediaVersion()).stream()
                .filter(rendition -> lossless || !rendition.fragmentedMp4())
                .toList();
        return playlists.master(track.id(), renditions, track.loudness(), grant, expiry(track));
    }

    public String variant(UUID trackId, String rendition, String exp, String sig) {
        StreamGrant grant = requireSigned(HlsPlaylists.variantPath(trackId, rendition), exp, sig);
        Track track = streamable(trackId, grant);
        var stored = storedRendition(track, rendition);
        return playlists.variant(
                trackId, stored, index.segments(trackId, track.mediaVersion(), rendition), grant, expiry(track));
    }

    /** @param suffix {@code ts} or {@code m4s}: the address asked, which must be the rendition's own */
    public Media segment(UUID trackId, String rendition, int seq, String suffix, String exp, String sig) {
        StreamGrant grant = requireSigned(HlsPlaylists.segmentPath(trackId, rendition, seq, suffix), exp, sig);
        Track track = streamable(trackId, grant);
        var segment = index.segment(trackId, track.mediaVersion(), rendition, seq)
                .orElseThrow(() -> VezaException.notFound("Segment " + seq));
        var stored = storedRendition(track, rendition);
        if (!stored.format().suffix().equals(suffix)) {
            throw VezaException.notFound("Segment " + seq);
        }
        String etag = "\"" + trackId + "-v" + track.mediaVersion() + "-" + rendition + "-" + seq + "\"";
        return media(
                track, segment.blobKey(), segment.sizeBytes(), stored.format().contentType(), etag, exp);
    }

    /** The initialisation segment of a rendition in fragmented MP4 (the lossless one). */
    public Media init(UUID trackId, String rendition, String exp, String sig) {
        StreamGrant grant = requireSigned(HlsPlaylists.initPath(trackId, rendition), exp, sig);
        Track track = streamable(trackId, grant);
        var stored = storedRendition(track, rendition);
        if (!stored.fragmentedMp4()) {
            throw VezaException.notFound("Rendition " + rendition);
        }
        long size = index.size(stored.initKey());
        String etag = "\"" + trackId + "-v" + track.mediaVersion() + "-" + rendition + "-init\"";
        return media(track, stored.initKey(), size, stored.format().contentType(), etag, exp);
    }

    private MediaRepository.StoredRendition storedRendition(Track track, String rendition) {
        return index.renditions(track.id(), track.mediaVersion()).stream()
                .filter(r -> r.name().equals(rendition))
                .findFirst()
                .orElseThrow(() -> VezaException.notFound("Rendition " + rendition));
    }

    private Media media(Track track, String key, long size, String contentType, String etag, String exp) {
        long maxAge = Math.max(
                0,
                Math.min(
                        Duration.ofDays(1).toSeconds(),
                        Long.parseLong(exp) - clock.instant().getEpochSecond()));
        return new Media(resource(key, size), contentType, etag, maxAge, track.visibility() == Visibility.PUBLIC);
    }

    private Track streamable(UUID trackId, StreamGrant grant) {
        Track track = index.track(trackId).orElseThrow(() -> VezaException.notFound("Track " + trackId));
        if (track.status() != TrackStatus.READY || !grant.holdsFor(track)) {
            throw VezaException.notFound("Track " + trackId);
        }
        return track;
    }

    private Track find(UUID trackId) {
        return tracks.find(trackId).orElseThrow(() -> VezaException.notFound("Track " + trackId));
    }

    private StreamGrant requireSigned(String path, String exp, String sig) {
        for (StreamGrant grant : StreamGrant.values()) {
            if (signer.verify(path, grant.scope(), exp, sig)) {
                return grant;
            }
        }
        throw new VezaException(ErrorCode.FORBIDDEN, "This link is invalid or has expired; reload the player.");
    }

    private Instant expiry(Track track) {
        long durationMs = track.durationMs() == null ? 0 : track.durationMs();
        return clock.instant().plus(platform.signedUrlTtl()).plusMillis(durationMs);
    }

    Resource resource(String key, long size) {
        return BlobResource.of(blobs, key, size);
    }

    /** A media body with how it may be cached. */
    public record Media(Resource body, String contentType, String etag, long maxAgeSeconds, boolean publicCache) {}
}
