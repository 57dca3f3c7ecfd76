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
    private final MediaRepository media;
    private final StreamIndex index;
    private final TrackAccess access;
    private final HlsPlaylists playlists;
    private final SignedUrls signer;
    private final BlobStore blobs;
    private final PlatformSettings platform;
    private final Clock clock;

    StreamingService(
            TrackRepository tracks,
            MediaRepository media,
            StreamIndex index,
            TrackAccess access,
            HlsPlaylists playlists,
            SignedUrls signer,
            BlobStore blobs,
            PlatformSettings platform,
            Clock clock) {
        this.tracks = tracks;
        this.media = media;
        this.index = index;
        this.access = access;
        this.playlists = playlists;
        this.signer = signer;
        this.blobs = blobs;
        this.platform = platform;
        this.clock = clock;
    }

    public String master(UUID trackId, CurrentUser viewer) {
        Track track = access.requireStreamable(find(trackId), viewer);
        StreamGrant grant = access.canManage(track, viewer) ? StreamGrant.MANAGER : StreamGrant.LISTENER;
        return playlists.master(track.id(), media.renditions(track.id(), track.mediaVersion()), grant, expiry(track));
    }

    public String variant(UUID trackId, String rendition, String exp, String sig) {
        StreamGrant grant = requireSigned(HlsPlaylists.variantPath(trackId, rendition), exp, sig);
        Track track = streamable(trackId, grant);
        var stored = media.renditions(trackId, track.mediaVersion()).stream()
                .filter(r -> r.name().equals(rendition))
                .findFirst()
                .orElseThrow(() -> VezaException.notFound("Rendition " + rendition));
        return playlists.variant(
                trackId, stored, index.segments(trackId, track.mediaVersion(), rendition), grant, expiry(track));
    }

    public Media segment(UUID trackId, String rendition, int seq, String exp, String sig) {
        StreamGrant grant = requireSigned(HlsPlaylists.segmentPath(trackId, rendition, seq), exp, sig);
        Track track = streamable(trackId, grant);
        var segment = index.segment(trackId, track.mediaVersion(), rendition, seq)
                .orElseThrow(() -> VezaException.notFound("Segment " + seq));
        String etag = "\"" + trackId + "-v" + track.mediaVersion() + "-" + rendition + "-" + seq + "\"";
        long maxAge = Math.max(
                0,
                Math.min(
                        Duration.ofDays(1).toSeconds(),
                        Long.parseLong(exp) - clock.instant().getEpochSecond()));
        return new Media(
                resource(segment.blobKey(), segment.sizeBytes()),
                "video/mp2t",
                etag,
                maxAge,
                track.visibility() == Visibility.PUBLIC);
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
