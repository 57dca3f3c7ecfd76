package fr.veza.catalog.internal;

import fr.veza.catalog.PlayerLibrary;
import fr.veza.catalog.PlayerMedia;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobResource;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.storage.ConcatenatedBlobs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Serves players from what processing stored: a rendition's HLS segments are one continuous MPEG-TS stream, so
 * concatenated they are a file a player can download and seek in, with no transcoding per request.
 */
@Service
class PlayerMediaService implements PlayerMedia {

    private final PlayerLibrary library;
    private final TrackRepository tracks;
    private final TrackAccess access;
    private final StreamIndex index;
    private final BlobStore blobs;

    PlayerMediaService(
            PlayerLibrary library, TrackRepository tracks, TrackAccess access, StreamIndex index, BlobStore blobs) {
        this.library = library;
        this.tracks = tracks;
        this.access = access;
        this.index = index;
        this.blobs = blobs;
    }

    @Override
    public Optional<File> stream(UUID trackId, int maxKbps, boolean original, boolean lossless, CurrentUser viewer) {
        return playable(trackId, viewer)
                .map(track -> original && access.canDownloadOriginal(track, viewer)
                        ? original(track)
                        : (lossless ? lossless(track) : Optional.<File>empty())
                                .orElseGet(() -> rendition(track, maxKbps)));
    }

    @Override
    public Optional<File> download(UUID trackId, CurrentUser viewer) {
        Optional<Track> bought = tracks.find(trackId)
                .or(() -> tracks.findRetained(trackId))
                .filter(track -> !track.isTakenDown() && access.canDownloadOriginal(track, viewer));
        if (bought.isPresent()) {
            return bought.map(PlayerMediaService.this::original);
        }
        return playable(trackId, viewer).map(track -> lossless(track).orElseGet(() -> rendition(track, 0)));
    }

    @Override
    public Optional<File> cover(UUID trackId, int size, CurrentUser viewer) {
        return playable(trackId, viewer)
                .filter(track -> track.thumbnailPrefix() != null)
                .flatMap(track -> {
                    int stored = Track.THUMBNAIL_SIZES.stream()
                            .filter(s -> s >= size)
                            .findFirst()
                            .orElse(Track.THUMBNAIL_SIZES.get(Track.THUMBNAIL_SIZES.size() - 1));
                    String key = track.thumbnailPrefix() + "/" + stored + ".jpg";
                    return stat(key)
                            .map(length -> new File(
                                    BlobResource.of(blobs, key, length),
                                    length,
                                    "image/jpeg",
                                    "jpg",
                                    "\"" + track.id() + "-v" + track.mediaVersion() + "-" + stored + "\"",
                                    track.downloadName("jpg")));
                });
    }

    /** Ready, reachable by the viewer and not taken down: the player's rule, checked by the library's query. */
    private Optional<Track> playable(UUID trackId, CurrentUser viewer) {
        return library.song(trackId, viewer).flatMap(song -> index.track(trackId));
    }

    private File original(Track track) {
        return new File(
                BlobResource.of(blobs, track.filePath(), track.originalSize()),
                track.originalSize(),
                MediaFormats.contentType(track.originalFormat()),
                track.originalFormat(),
                "\"" + track.id() + "-original\"",
                track.downloadName(track.originalFormat()));
    }

    /** The best rendition within {@code maxKbps} (0: no limit), or the smallest when none is within it. */
    private File rendition(Track track, int maxKbps) {
        HlsOutput.RenditionSpec chosen = HlsOutput.RENDITIONS.get(0);
        for (HlsOutput.RenditionSpec spec : HlsOutput.RENDITIONS) {
            if (maxKbps == 0 || spec.kbps() <= maxKbps) {
                chosen = spec;
            }
        }
        return segmentsAsOneFile(track, chosen.name(), List.of(), STREAM_CONTENT_TYPE, STREAM_SUFFIX);
    }

    /** A rendition's segments one after the other, after {@code first} (an initialisation segment), as one file. */
    private File segmentsAsOneFile(
            Track track, String rendition, List<ConcatenatedBlobs.Part> first, String contentType, String suffix) {
        List<ConcatenatedBlobs.Part> parts = new ArrayList<>(first);
        index.segments(track.id(), track.mediaVersion(), rendition)
                .forEach(segment -> parts.add(new ConcatenatedBlobs.Part(segment.blobKey(), segment.sizeBytes())));
        ConcatenatedBlobs body = new ConcatenatedBlobs(blobs, parts, "track " + track.id() + " " + rendition);
        return new File(
                body,
                body.contentLength(),
                contentType,
                suffix,
                "\"" + track.id() + "-v" + track.mediaVersion() + "-" + rendition + "\"",
                track.downloadName(suffix));
    }

    /**
     * The lossless rendition as one file, when the track has one: its initialisation segment and then its
     * segments, which together are a fragmented MP4 of the FLAC stream, seekable like any MP4.
     */
    private Optional<File> lossless(Track track) {
        return index.renditions(track.id(), track.mediaVersion()).stream()
                .filter(MediaRepository.StoredRendition::fragmentedMp4)
                .findFirst()
                .map(rendition -> segmentsAsOneFile(
                        track,
                        rendition.name(),
                        List.of(new ConcatenatedBlobs.Part(rendition.initKey(), index.size(rendition.initKey()))),
                        LOSSLESS_CONTENT_TYPE,
                        LOSSLESS_SUFFIX));
    }

    private Optional<Long> stat(String key) {
        try {
            return blobs.stat(key).map(info -> info.size());
        } catch (IOException e) {
            throw VezaException.unavailable("Storage is unavailable.", e);
        }
    }
}
