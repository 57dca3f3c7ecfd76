package fr.veza.library.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.library.PlaylistChanged;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Playlists and their entries. Only the owner changes a playlist; a private playlist answers 404 to anyone else,
 * like a missing one, so ids cannot be probed. Entry changes lock the playlist row, so concurrent edits of one
 * playlist never leave gaps or duplicates in the positions.
 */
@Service
public class PlaylistService {

    public static final int MAX_TRACKS = 1_000;

    private final PlaylistRepository playlists;
    private final TrackCatalog tracks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    PlaylistService(
            PlaylistRepository playlists,
            TrackCatalog tracks,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.playlists = playlists;
        this.tracks = tracks;
        this.transactions = transactions;
        this.events = events;
    }

    public Playlist create(CurrentUser owner, Details details) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            playlists.insert(id, owner.id(), details.title(), details.description(), details.visibility(), null);
            events.publishEvent(new PlaylistChanged(id, owner.id()));
        });
        return playlists.find(id).orElseThrow();
    }

    public Playlist get(UUID id, CurrentUser viewer) {
        return visible(playlists.find(id), id, viewer);
    }

    /**
     * The entries the viewer may see, with their tracks. The owner also gets entries whose track became
     * unavailable (with no track), so they can tidy up; anyone else never sees them.
     */
    public List<Listed> entries(Playlist playlist, CurrentUser viewer) {
        List<Playlist.Entry> entries = playlists.entries(playlist.id());
        Map<UUID, TrackSummary> visible =
                tracks.findVisible(entries.stream().map(Playlist.Entry::trackId).toList(), viewer);
        boolean owner = viewer != null && playlist.isOwnedBy(viewer.id());
        return entries.stream()
                .filter(entry -> owner || visible.containsKey(entry.trackId()))
                .map(entry -> new Listed(entry, visible.get(entry.trackId())))
                .toList();
    }

    /**
     * How many entries of each playlist the viewer sees: all of them for the owner, only the available ones for
     * anyone else (the same count as the single-playlist view), so a list never hints at hidden tracks.
     */
    public Map<UUID, Integer> visibleTrackCounts(List<Playlist> page, CurrentUser viewer) {
        Map<UUID, Integer> counts = new HashMap<>();
        List<UUID> others = new ArrayList<>();
        for (Playlist playlist : page) {
            if (viewer != null && playlist.isOwnedBy(viewer.id())) {
                counts.put(playlist.id(), playlist.trackCount());
            } else {
                others.add(playlist.id());
            }
        }
        if (!others.isEmpty()) {
            Map<UUID, List<UUID>> entries = playlists.trackIds(others);
            Set<UUID> visible = tracks.findVisible(
                            entries.values().stream()
                                    .flatMap(List::stream)
                                    .distinct()
                                    .toList(),
                            viewer)
                    .keySet();
            others.forEach(id -> counts.put(id, (int) entries.getOrDefault(id, List.of()).stream()
                    .filter(visible::contains)
                    .count()));
        }
        return counts;
    }

    public List<Playlist> byOwner(UUID ownerId, CurrentUser viewer, Cursor after, int limit) {
        boolean everything = viewer != null && viewer.id().equals(ownerId);
        return playlists.byOwner(ownerId, everything, after, limit);
    }

    public Playlist update(UUID id, CurrentUser viewer, UnaryOperator<Details> change) {
        return transactions.execute(status -> {
            Playlist playlist = owned(playlists.lock(id), id, viewer);
            Details updated =
                    change.apply(new Details(playlist.title(), playlist.description(), playlist.visibility()));
            playlists.update(id, updated.title(), updated.description(), updated.visibility());
            events.publishEvent(new PlaylistChanged(id, playlist.ownerId()));
            return playlists.find(id).orElseThrow();
        });
    }

    public void delete(UUID id, CurrentUser viewer) {
        transactions.executeWithoutResult(status -> {
            Playlist playlist = visible(playlists.lock(id), id, viewer);
            if (!playlist.isOwnedBy(viewer.id()) && !viewer.isAdmin()) {
                throw VezaException.forbidden("Only the playlist's owner can delete it.");
            }
            playlists.delete(id);
            events.publishEvent(new PlaylistChanged(id, playlist.ownerId()));
        });
    }

    /** Adds a track the owner may see, at {@code position} (0 = first) or at the end. */
    public Playlist addTrack(UUID id, CurrentUser viewer, UUID trackId, Integer position) {
        return transactions.execute(status -> {
            Playlist playlist = owned(playlists.lock(id), id, viewer);
            if (tracks.findVisible(trackId, viewer).isEmpty()) {
                throw VezaException.notFound("Track " + trackId);
            }
            if (playlists.contains(id, trackId)) {
                throw new VezaException(ErrorCode.CONFLICT, "This track is already in the playlist.");
            }
            if (playlist.trackCount() >= MAX_TRACKS) {
                throw new VezaException(ErrorCode.CONFLICT, "A playlist holds at most " + MAX_TRACKS + " tracks.");
            }
            if (position != null && position > playlist.trackCount()) {
                throw VezaException.invalid("position", "must be between 0 and " + playlist.trackCount());
            }
            playlists.insertEntry(id, trackId, position == null ? playlist.trackCount() : position);
            return playlists.find(id).orElseThrow();
        });
    }

    public Playlist removeTrack(UUID id, CurrentUser viewer, UUID trackId) {
        return transactions.execute(status -> {
            owned(playlists.lock(id), id, viewer);
            if (!playlists.deleteEntry(id, trackId)) {
                throw VezaException.notFound("Track " + trackId + " in this playlist");
            }
            return playlists.find(id).orElseThrow();
        });
    }

    /** The new order must name every track of the playlist exactly once. */
    public Playlist reorder(UUID id, CurrentUser viewer, List<UUID> order) {
        return transactions.execute(status -> {
            owned(playlists.lock(id), id, viewer);
            var current = new HashSet<>(
                    playlists.entries(id).stream().map(Playlist.Entry::trackId).toList());
            if (order.size() != current.size() || !current.equals(new HashSet<>(order))) {
                throw VezaException.invalid("track_ids", "must list every track of the playlist exactly once");
            }
            playlists.reorder(id, order);
            return playlists.find(id).orElseThrow();
        });
    }

    /**
     * A copy owned by the caller, in one transaction: the playlist and all the entries the caller may see, or
     * nothing at all.
     */
    public Playlist duplicate(UUID id, CurrentUser viewer) {
        UUID copy = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            Playlist source = visible(playlists.find(id), id, viewer);
            List<UUID> trackIds = entries(source, viewer).stream()
                    .filter(listed -> listed.track() != null)
                    .map(listed -> listed.entry().trackId())
                    .toList();
            String title = source.title().length() > 193
                    ? source.title().substring(0, 193) + " (copy)"
                    : source.title() + " (copy)";
            PlaylistVisibility visibility =
                    source.isOwnedBy(viewer.id()) ? source.visibility() : PlaylistVisibility.PRIVATE;
            playlists.insert(copy, viewer.id(), title, source.description(), visibility, source.id());
            playlists.copyEntries(copy, trackIds);
            events.publishEvent(new PlaylistChanged(copy, viewer.id()));
        });
        return playlists.find(copy).orElseThrow();
    }

    private Playlist visible(Optional<Playlist> found, UUID id, CurrentUser viewer) {
        return found.filter(playlist -> playlist.visibility() == PlaylistVisibility.PUBLIC
                        || (viewer != null && (playlist.isOwnedBy(viewer.id()) || viewer.isAdmin())))
                .orElseThrow(() -> VezaException.notFound("Playlist " + id));
    }

    private Playlist owned(Optional<Playlist> found, UUID id, CurrentUser viewer) {
        Playlist playlist = visible(found, id, viewer);
        if (!playlist.isOwnedBy(viewer.id())) {
            throw VezaException.forbidden("Only the playlist's owner can change it.");
        }
        return playlist;
    }

    /** What the owner edits. */
    public record Details(String title, String description, PlaylistVisibility visibility) {}

    /** An entry and its track, or no track when the owner looks at an entry that became unavailable. */
    public record Listed(Playlist.Entry entry, TrackSummary track) {}
}
