package fr.veza.catalog.internal;

import fr.veza.platform.web.SignedUrls;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes the playlists a player reads, from the recorded renditions and segments. Every URI below the master is
 * signed, so players that send no credentials (Safari, VLC, hls.js) can follow them.
 */
@Component
class HlsPlaylists {

    private final SignedUrls signer;

    HlsPlaylists(SignedUrls signer) {
        this.signer = signer;
    }

    static String base(UUID trackId) {
        return "/api/v1/tracks/" + trackId + "/hls/";
    }

    static String variantPath(UUID trackId, String rendition) {
        return base(trackId) + rendition + "/index.m3u8";
    }

    static String segmentPath(UUID trackId, String rendition, int seq) {
        return base(trackId) + rendition + "/" + seq + ".ts";
    }

    String master(
            UUID trackId, List<MediaRepository.StoredRendition> renditions, StreamGrant grant, Instant expiresAt) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        for (MediaRepository.StoredRendition rendition : renditions) {
            m3u8.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append(Math.max(rendition.peakBitsPerSecond(), rendition.averageBitsPerSecond()))
                    .append(",AVERAGE-BANDWIDTH=")
                    .append(rendition.averageBitsPerSecond())
                    .append(",CODECS=\"")
                    .append(rendition.codecs())
                    .append("\"\n")
                    .append(signer.sign(variantPath(trackId, rendition.name()), grant.scope(), expiresAt))
                    .append('\n');
        }
        return m3u8.toString();
    }

    String variant(
            UUID trackId,
            MediaRepository.StoredRendition rendition,
            List<MediaRepository.StoredSegment> segments,
            StreamGrant grant,
            Instant expiresAt) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:")
                .append(rendition.targetDuration())
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (MediaRepository.StoredSegment segment : segments) {
            m3u8.append("#EXTINF:")
                    .append(segment.duration().toPlainString())
                    .append(",\n")
                    .append(signer.sign(
                            segmentPath(trackId, rendition.name(), segment.seq()), grant.scope(), expiresAt))
                    .append('\n');
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }
}
