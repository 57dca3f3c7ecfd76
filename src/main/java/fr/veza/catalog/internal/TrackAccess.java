package fr.veza.catalog.internal;

import fr.veza.catalog.DownloadRights;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see what. Owners and admins see their tracks in every state; anyone else sees a track only once it is
 * ready and not private. Anything a caller may not see answers 404, so ids cannot be probed.
 */
@Component
public class TrackAccess {

    private final List<DownloadRights> downloadRights;

    TrackAccess(List<DownloadRights> downloadRights) {
        this.downloadRights = downloadRights;
    }

    public boolean canSee(Track track, CurrentUser viewer) {
        if (viewer != null && (track.isOwnedBy(viewer.id()) || viewer.isAdmin())) {
            return true;
        }
        return track.status() == TrackStatus.READY && track.visibility() != Visibility.PRIVATE;
    }

    public boolean canManage(Track track, CurrentUser viewer) {
        return viewer != null && (track.isOwnedBy(viewer.id()) || viewer.isAdmin());
    }

    /** The original file: its owner, admins, and whoever bought it. */
    public boolean canDownloadOriginal(Track track, CurrentUser viewer) {
        return canManage(track, viewer) || bought(track, viewer);
    }

    /** A buyer keeps the file even once the track is private, but not once it is taken down. */
    public boolean bought(Track track, CurrentUser viewer) {
        return viewer != null
                && !track.isTakenDown()
                && downloadRights.stream().anyMatch(r -> r.mayDownload(track.id(), viewer.id()));
    }

    Track requireVisible(Track track, CurrentUser viewer) {
        if (!canSee(track, viewer)) {
            throw VezaException.notFound("Track " + track.id());
        }
        return track;
    }

    Track requireStreamable(Track track, CurrentUser viewer) {
        requireVisible(track, viewer);
        if (track.status() != TrackStatus.READY) {
            throw new VezaException(
                    ErrorCode.TRACK_NOT_READY,
                    track.status() == TrackStatus.FAILED
                            ? "This track could not be processed: " + track.statusMessage()
                            : "This track is still being processed.");
        }
        return track;
    }
}
