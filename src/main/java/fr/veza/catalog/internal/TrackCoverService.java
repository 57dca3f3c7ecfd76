package fr.veza.catalog.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.db.AfterCommit;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.FieldViolation;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * A track's cover replaced after upload: the image sniffed and size-capped like an upload's, redrawn into
 * thumbnails at once, then swapped in under new storage keys so that a failure anywhere leaves the old cover
 * whole; the old files go once the swap committed.
 */
@Service
public class TrackCoverService {

    private static final Logger log = LoggerFactory.getLogger(TrackCoverService.class);

    private final TrackService tracks;
    private final TrackUploadService uploads;
    private final TrackRepository repository;
    private final CoverThumbnails thumbnails;
    private final BlobStore blobs;
    private final CatalogSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    TrackCoverService(
            TrackService tracks,
            TrackUploadService uploads,
            TrackRepository repository,
            CoverThumbnails thumbnails,
            BlobStore blobs,
            CatalogSettings settings,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.tracks = tracks;
        this.uploads = uploads;
        this.repository = repository;
        this.thumbnails = thumbnails;
        this.blobs = blobs;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
    }

    public Track replace(UUID id, CurrentUser artist, MultipartFile cover) throws IOException, InterruptedException {
        Track track = tracks.manageable(id, artist);
        if (track.status() == TrackStatus.PROCESSING) {
            // processing reads the cover it was given; a swap under it would fail the run
            throw new VezaException(
                    ErrorCode.CONFLICT, "The track is still being processed; replace its cover once it is ready.");
        }
        if (cover == null || cover.isEmpty()) {
            throw VezaException.invalid("cover", "is required: the image to show with the track");
        }
        if (cover.getSize() > settings.coverMaxBytes().toBytes()) {
            throw TrackUploadService.tooLarge("cover", settings.coverMaxBytes().toBytes());
        }
        String format = uploads.sniff(cover, false);
        String run = UUID.randomUUID().toString();
        String coverPath = "tracks/" + id + "/cover-" + run;
        String thumbnailPrefix = "tracks/" + id + "/thumbnails/" + run;
        Path work = Files.createTempDirectory("veza-cover-");
        try {
            Path source = work.resolve("cover-source");
            cover.transferTo(source);
            if (!thumbnails.draw(source, work, () -> {})) {
                throw new VezaException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The cover could not be decoded; upload another image.",
                        List.of(new FieldViolation("cover", "could not be decoded; upload another image")),
                        Map.of());
            }
            try (InputStream in = Files.newInputStream(source)) {
                blobs.put(coverPath, in, Files.size(source), "image/" + format);
            }
            thumbnails.store(work, thumbnailPrefix);
            var replaced = transactions.execute(status -> {
                var old = repository.replaceCover(id, coverPath, thumbnailPrefix);
                old.ifPresent(previous -> {
                    events.publishEvent(new TrackChanged(id, track.ownerId()));
                    AfterCommit.run(() -> forget(previous));
                });
                return old;
            });
            if (replaced.isEmpty()) {
                throw VezaException.notFound("Track " + id);
            }
        } catch (IOException | RuntimeException failed) {
            forget(new TrackRepository.StoredCover(coverPath, thumbnailPrefix));
            throw failed;
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
        log.info("cover: track {} has a new cover ({})", id, format);
        return tracks.find(id);
    }

    /** Deletes stored cover files; a failure leaves them for the orphan sweep rather than failing the request. */
    private void forget(TrackRepository.StoredCover stored) {
        try {
            if (stored.coverPath() != null) {
                blobs.delete(stored.coverPath());
            }
            if (stored.thumbnailPrefix() != null) {
                blobs.deletePrefix(stored.thumbnailPrefix());
            }
        } catch (IOException e) {
            log.warn(
                    "cover: could not delete {} / {}: {}",
                    stored.coverPath(),
                    stored.thumbnailPrefix(),
                    e.getMessage());
        }
    }
}
