package fr.veza.chat.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.library.PlaylistCatalog;
import fr.veza.library.PlaylistSummary;
import fr.veza.platform.config.PlatformSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Links to Veza's own tracks and playlists in a message: carried as references (type and id), and shown as cards
 * with the title, the artist and the cover. A card shows what anyone with the link may see, never more, because a
 * message reaches every member alike; a private track or a hidden playlist is a reference without a card.
 */
@Component
class LinkCards {

    /** More links than this in one message are left as text. */
    static final int MAX_PER_MESSAGE = 5;

    // a path of our own (relative, or on Veza's own address); not preceded by a host, so evil.example/tracks/x is not
    private static final Pattern LINK = Pattern.compile("(?<![\\w/.:@-])(https?://[^\\s/?#]+)?/(tracks|playlists)/"
            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![\\w-])");

    private final TrackCatalog tracks;
    private final PlaylistCatalog playlists;
    private final String origin;

    LinkCards(TrackCatalog tracks, PlaylistCatalog playlists, PlatformSettings platform) {
        this.tracks = tracks;
        this.playlists = playlists;
        String base = platform.publicBaseUrl().toString();
        this.origin = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base).toLowerCase(Locale.ROOT);
    }

    /** The tracks and playlists a text links to, in order, each once. */
    List<Reference> references(String text) {
        if (text == null) {
            return List.of();
        }
        Set<Reference> found = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find() && found.size() < MAX_PER_MESSAGE) {
            String host = matcher.group(1);
            if (host != null && !host.toLowerCase(Locale.ROOT).equals(origin)) {
                continue;
            }
            found.add(new Reference(
                    "tracks".equals(matcher.group(2)) ? "track" : "playlist", UUID.fromString(matcher.group(3))));
        }
        return List.copyOf(found);
    }

    /** Each live message's links, for the messages that have any. */
    Map<UUID, List<Reference>> references(List<ChatMessage> messages) {
        Map<UUID, List<Reference>> linked = new LinkedHashMap<>();
        for (ChatMessage message : messages) {
            List<Reference> references = message.deletedAt() == null ? references(message.body()) : List.of();
            if (!references.isEmpty()) {
                linked.put(message.id(), references);
            }
        }
        return linked;
    }

    /** Each message's cards, for the references that lead somewhere anyone may see. */
    Map<UUID, List<LinkCard>> cards(Map<UUID, List<Reference>> linked) {
        if (linked.isEmpty()) {
            return Map.of();
        }
        List<UUID> trackIds = ids(linked, "track");
        List<UUID> playlistIds = ids(linked, "playlist");
        Map<UUID, TrackSummary> visibleTracks = trackIds.isEmpty() ? Map.of() : tracks.findVisible(trackIds, null);
        Map<UUID, String> covers = tracks.coverUrls(visibleTracks.keySet());
        Map<UUID, PlaylistSummary> visiblePlaylists =
                playlistIds.isEmpty() ? Map.of() : playlists.findVisible(playlistIds, null);
        Map<UUID, List<LinkCard>> cards = new LinkedHashMap<>();
        linked.forEach((messageId, references) -> {
            List<LinkCard> shown = new ArrayList<>();
            for (Reference reference : references) {
                if (reference.type().equals("track") && visibleTracks.containsKey(reference.id())) {
                    TrackSummary track = visibleTracks.get(reference.id());
                    shown.add(new LinkCard(
                            "track",
                            track.id(),
                            track.title(),
                            track.artist().name(),
                            covers.get(track.id()),
                            "/tracks/" + track.id()));
                } else if (reference.type().equals("playlist") && visiblePlaylists.containsKey(reference.id())) {
                    PlaylistSummary playlist = visiblePlaylists.get(reference.id());
                    String owner =
                            playlist.owner() == null ? null : playlist.owner().name();
                    shown.add(new LinkCard(
                            "playlist", playlist.id(), playlist.title(), owner, null, "/playlists/" + playlist.id()));
                }
            }
            cards.put(messageId, shown);
        });
        return cards;
    }

    private static List<UUID> ids(Map<UUID, List<Reference>> linked, String type) {
        return linked.values().stream()
                .flatMap(List::stream)
                .filter(reference -> reference.type().equals(type))
                .map(Reference::id)
                .distinct()
                .toList();
    }

    /** A link to one of Veza's tracks or playlists. */
    record Reference(String type, UUID id) {}
}
