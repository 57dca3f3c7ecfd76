package fr.veza.catalog.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobStore;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading, listing, editing and deleting tracks, each through {@link TrackAccess}. */
@Service
public class TrackService {

    private static final Logger log = LoggerFactory.getLogger(TrackService.class);

    private final TrackRepository tracks;
    private final ProcessingJobs jobs;
    private final TrackAccess access;
    private final BlobStore blobs;
    private final StreamingService streaming;
    private final TrackFiles trackFiles;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    TrackService(
            TrackRepository tracks,
            ProcessingJobs jobs,
            TrackAccess access,
            BlobStore blobs,
            StreamingService streaming,
            TrackFiles trackFiles,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.tracks = tracks;
        this.jobs = jobs;
        this.access = access;
        this.blobs = blobs;
        this.streaming = streaming;
        this.trackFiles = trackFiles;
        this.transactions = transactions;
        this.events = events;
    }

    public Track get(UUID id, CurrentUser viewer) {
        return access.requireVisible(find(id), viewer);
    }

    /**
     * A page of tracks, newest first: one creator's (all of them for the creator or an admin, else only public
     * ready ones), or the latest public tracks when no creator is given.
     */
    public CursorPage<Track> list(UUID creator, CurrentUser viewer, Cursor after, int limit) {
        List<Track> rows;
        if (creator == null) {
            rows = tracks.latestPublic(after, limit + 1);
        } else {
            boolean everything = viewer != null && (viewer.id().equals(creator) || viewer.isAdmin());
            rows = tracks.byCreator(creator, everything, after, limit + 1);
        }
        return CursorPage.of(rows, limit, track -> new Cursor(track.createdAt(), track.id()));
    }

    public Track update(UUID id, CurrentUser viewer, UnaryOperator<TrackUploadService.TrackMetadata> change) {
        Track track = manageable(id, viewer);
        var current = new TrackUploadService.TrackMetadata(
                track.title(), track.description(), track.genre(), track.tags(), track.visibility());
        var updated = change.apply(current);
        transactions.executeWithoutResult(status -> {
            tracks.updateMetadata(
                    id, updated.title(), updated.description(), updated.genre(), updated.tags(), updated.visibility());
            events.publishEvent(new TrackChanged(id, track.ownerId()));
        });
        return find(id);
    }

    public void delete(UUID id, CurrentUser viewer) {
        Track track = manageable(id, viewer);
        boolean retained = transactions.execute(status -> {
            jobs.cancelFor(id);
            boolean bought = trackFiles.mustRetainOriginal(id);
            tracks.softDelete(id, bought);
            events.publishEvent(new TrackChanged(id, track.ownerId()));
            return bought;
        });
        trackFiles.delete(List.of(TrackFiles.Stored.of(track, retained)));
    }

    /** The uploaded file, named after the track's title for the download. */
    public Download original(UUID id, CurrentUser viewer) {
        // a deleted track is gone for everyone but its buyers, who keep the file they paid for
        Track track = tracks.find(id)
                .or(() -> tracks.findRetained(id).filter(deleted -> access.bought(deleted, viewer)))
                .orElseThrow(() -> VezaException.notFound("Track " + id));
        if (!access.bought(track, viewer)) {
            access.requireVisible(track, viewer);
        }
        if (!access.canDownloadOriginal(track, viewer)) {
            throw VezaException.forbidden("The original file is for its owner and buyers.");
        }
        StreamingService.Media media = new StreamingService.Media(
                streaming.resource(track.filePath(), track.originalSize()),
                MediaFormats.contentType(track.originalFormat()),
                "\"" + id + "-original\"",
                0,
                false);
        return new Download(media, track.downloadName(track.originalFormat()));
    }

    public Optional<String> waveform(UUID id, CurrentUser viewer) {
        access.requireVisible(find(id), viewer);
        return tracks.waveform(id);
    }

    /** A cover thumbnail, for whoever may see the track or holds a signed link to it. */
    public StreamingService.Media thumbnail(UUID id, int size, CurrentUser viewer, boolean signed) {
        Track track = find(id);
        if (!signed) {
            access.requireVisible(track, viewer);
        }
        if (!Track.THUMBNAIL_SIZES.contains(size) || track.thumbnailPrefix() == null) {
            throw VezaException.notFound("Cover");
        }
        String key = track.thumbnailPrefix() + "/" + size + ".jpg";
        long length;
        try {
            length = blobs.stat(key)
                    .orElseThrow(() -> VezaException.notFound("Cover"))
                    .size();
        } catch (IOException e) {
            throw VezaException.unavailable("Storage is unavailable.", e);
        }
        return new StreamingService.Media(
                streaming.resource(key, length),
                "image/jpeg",
                "\"" + id + "-v" + track.mediaVersion() + "-" + size + "\"",
                86_400,
                track.visibility() == Visibility.PUBLIC);
    }

    /** The track, if the viewer may change it (its owner, or an admin); 403 otherwise, 404 if they may not see it. */
    Track manageable(UUID id, CurrentUser viewer) {
        Track track = access.requireVisible(find(id), viewer);
        if (!access.canManage(track, viewer)) {
            throw VezaException.forbidden("Only the track's owner can change it.");
        }
        return track;
    }

    Track find(UUID id) {
        return tracks.find(id).orElseThrow(() -> VezaException.notFound("Track " + id));
    }

    /** A file to download and the name to offer for it. */
    public record Download(StreamingService.Media media, String filename) {}
}
