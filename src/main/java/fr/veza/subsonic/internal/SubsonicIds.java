package fr.veza.subsonic.internal;

import java.util.Optional;
import java.util.UUID;

/**
 * Ids as players see them. Songs and playlists keep Veza's ids (so a song's id is its track's, as in links); albums
 * and artists get a prefix, because {@code getMusicDirectory}, {@code star} and {@code getCoverArt} take any of
 * them in one parameter.
 */
public final class SubsonicIds {

    public enum Kind {
        SONG(""),
        ALBUM("al-"),
        ARTIST("ar-"),
        PLAYLIST("");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private SubsonicIds() {}

    public static String of(Kind kind, UUID id) {
        return kind.prefix + id;
    }

    /** @throws SubsonicError not found when the id is not one of {@code kind} */
    public static UUID parse(String id, Kind kind) {
        return tryParse(id, kind).orElseThrow(() -> notFound(id));
    }

    public static Optional<UUID> tryParse(String id, Kind kind) {
        if (id == null || !id.startsWith(kind.prefix)) {
            return Optional.empty();
        }
        String rest = id.substring(kind.prefix.length());
        if (!rest.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(rest));
    }

    /** What kind of thing an id names, by its shape. */
    public static Kind kindOf(String id) {
        for (Kind kind : new Kind[] {Kind.ALBUM, Kind.ARTIST}) {
            if (tryParse(id, kind).isPresent()) {
                return kind;
            }
        }
        if (tryParse(id, Kind.SONG).isPresent()) {
            return Kind.SONG;
        }
        throw notFound(id);
    }

    public static SubsonicError notFound(String id) {
        return new SubsonicError(SubsonicError.NOT_FOUND, "Nothing has the id " + SubsonicError.clip(id) + ".");
    }
}
