package fr.veza.catalog.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts an upload in three durable steps. (1) The track row and its processing job are inserted together, the
 * job held back for {@link #UPLOAD_GRACE}. (2) The file is streamed to storage, which is atomic. (3) The job is
 * released. A crash after (1) leaves a processing track whose job still runs after the grace period and either
 * finds the file or fails the track with a reason; the orphan cleanup catches anything older. No step leaves a row
 * that nothing will resolve.
 */
@Service
public class TrackUploadService {

    static final Duration UPLOAD_GRACE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(TrackUploadService.class);

    private final TrackRepository tracks;
    private final ProcessingJobs jobs;
    private final BlobStore blobs;
    private final MediaFormats formats;
    private final CatalogSettings settings;
    private final TransactionTemplate transactions;
    private final TrackProcessingWorker worker;
    private final Clock clock;

    TrackUploadService(
            TrackRepository tracks,
            ProcessingJobs jobs,
            BlobStore blobs,
            MediaFormats formats,
            CatalogSettings settings,
            TransactionTemplate transactions,
            TrackProcessingWorker worker,
            Clock clock) {
        this.tracks = tracks;
        this.jobs = jobs;
        this.blobs = blobs;
        this.formats = formats;
        this.settings = settings;
        this.transactions = transactions;
        this.worker = worker;
        this.clock = clock;
    }

    public Track upload(CurrentUser artist, TrackMetadata metadata, MultipartFile file, MultipartFile cover)
            throws IOException {
        if (!artist.canPublish()) {
            throw VezaException.forbidden("Only artists can upload tracks; become one with POST /api/v1/me/artist.");
        }
        if (file == null || file.isEmpty()) {
            throw VezaException.invalid("file", "is required: the audio file to publish");
        }
        if (file.getSize() > settings.uploadMaxBytes().toBytes()) {
            throw tooLarge("file", settings.uploadMaxBytes().toBytes());
        }
        if (cover != null
                && !cover.isEmpty()
                && cover.getSize() > settings.coverMaxBytes().toBytes()) {
            throw tooLarge("cover", settings.coverMaxBytes().toBytes());
        }
        String format = sniff(file, true);
        String coverFormat = cover == null || cover.isEmpty() ? null : sniff(cover, false);

        UUID id = UUID.randomUUID();
        String filePath = "tracks/" + id + "/original";
        transactions.executeWithoutResult(status -> {
            tracks.insert(new TrackRepository.NewTrack(
                    id,
                    artist.id(),
                    metadata.title(),
                    metadata.description(),
                    metadata.genre(),
                    metadata.tags(),
                    metadata.visibility(),
                    filePath,
                    format,
                    file.getSize()));
            jobs.enqueue(id, clock.instant().plus(UPLOAD_GRACE));
        });
        try {
            try (InputStream in = file.getInputStream()) {
                blobs.put(filePath, in, file.getSize(), "application/octet-stream");
            }
            if (coverFormat != null) {
                String coverPath = "tracks/" + id + "/cover-original";
                try (InputStream in = cover.getInputStream()) {
                    blobs.put(coverPath, in, cover.getSize(), "image/" + coverFormat);
                }
                tracks.setCover(id, coverPath);
            }
        } catch (IOException storageDown) {
            transactions.executeWithoutResult(status -> {
                jobs.cancelFor(id);
                tracks.failProcessing(id, "The upload could not be stored; upload the track again.");
            });
            log.warn("upload: storing track {} failed: {}", id, storageDown.toString());
            throw VezaException.unavailable("Storage is unavailable; try again shortly.", storageDown);
        }
        jobs.release(id);
        worker.wakeUp();
        log.info("upload: track {} stored by {} format={} bytes={}", id, artist.id(), format, file.getSize());
        return tracks.find(id).orElseThrow();
    }

    String sniff(MultipartFile part, boolean audio) throws IOException {
        try (InputStream in = new BufferedInputStream(part.getInputStream(), 64 * 1024)) {
            var detected = audio ? formats.audio(in) : formats.image(in);
            return detected.orElseThrow(() -> new VezaException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    audio
                            ? "The file is not audio Veza can read; upload " + MediaFormats.ACCEPTED_AUDIO + "."
                            : "The cover is not an image Veza can read; upload " + MediaFormats.ACCEPTED_IMAGES + ".",
                    List.of(new fr.veza.platform.errors.FieldViolation(
                            audio ? "file" : "cover",
                            "is not in a format Veza can read; upload "
                                    + (audio ? MediaFormats.ACCEPTED_AUDIO : MediaFormats.ACCEPTED_IMAGES))),
                    java.util.Map.of()));
        }
    }

    static VezaException tooLarge(String field, long limit) {
        return new VezaException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The " + field + " is larger than " + limit + " bytes.",
                List.of(new fr.veza.platform.errors.FieldViolation(
                        field,
                        "is larger than " + DataSize.ofBytes(limit).toMegabytes() + " MB, the most Veza accepts")),
                java.util.Map.of());
    }

    /** What the uploader says about the track. */
    public record TrackMetadata(
            String title, String description, String genre, List<String> tags, Visibility visibility) {}
}
