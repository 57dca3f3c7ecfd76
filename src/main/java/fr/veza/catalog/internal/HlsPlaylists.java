package fr.veza.catalog.internal;

import fr.veza.catalog.Loudness;
import fr.veza.platform.web.SignedUrls;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes the playlists a player reads, from the recorded renditions and segments. Every URI below the master is
 * signed, so players that send no credentials (Safari, VLC, hls.js) can follow them.
 */
@Component
class HlsPlaylists {

    /** The session data of a master playlist that carries the track's playback gain. */
    static final String GAIN_DATA_ID = "fr.veza.playback-gain-db";

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

    /** @param suffix {@code ts} or {@code m4s}, as the rendition's segments are */
    static String segmentPath(UUID trackId, String rendition, int seq, String suffix) {
        return base(trackId) + rendition + "/" + seq + "." + suffix;
    }

    static String initPath(UUID trackId, String rendition) {
        return base(trackId) + rendition + "/" + HlsOutput.LOSSLESS_INIT;
    }

    /**
     * The master playlist; a measured track's loudness travels in it as session data ({@link #GAIN_DATA_ID}, the
     * gain in dB that the web player applies), so whatever page or queue started the track, its gain comes with it.
     */
    String master(
            UUID trackId,
            List<MediaRepository.StoredRendition> renditions,
            Loudness loudness,
            StreamGrant grant,
            Instant expiresAt) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        if (loudness != null) {
            m3u8.append("#EXT-X-SESSION-DATA:DATA-ID=\"")
                    .append(GAIN_DATA_ID)
                    .append("\",VALUE=\"")
                    .append(String.format(Locale.ROOT, "%.2f", loudness.playbackGainDb()))
                    .append("\"\n");
        }
        // the lossless rendition first, where a player that can play it looks for the best
        List<MediaRepository.StoredRendition> ordered = new java.util.ArrayList<>(renditions);
        ordered.sort(java.util.Comparator.comparing((MediaRepository.StoredRendition r) -> !r.fragmentedMp4()));
        for (MediaRepository.StoredRendition rendition : ordered) {
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
        // fragmented MP4 segments (EXT-X-MAP) need version 6 or later
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:")
                .append(rendition.fragmentedMp4() ? 7 : 3)
                .append("\n#EXT-X-TARGETDURATION:")
                .append(rendition.targetDuration())
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        if (rendition.fragmentedMp4()) {
            m3u8.append("#EXT-X-MAP:URI=\"")
                    .append(signer.sign(initPath(trackId, rendition.name()), grant.scope(), expiresAt))
                    .append("\"\n");
        }
        for (MediaRepository.StoredSegment segment : segments) {
            m3u8.append("#EXTINF:")
                    .append(segment.duration().toPlainString())
                    .append(",\n")
                    .append(signer.sign(
                            segmentPath(
                                    trackId,
                                    rendition.name(),
                                    segment.seq(),
                                    rendition.format().suffix()),
                            grant.scope(),
                            expiresAt))
                    .append('\n');
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }
}
