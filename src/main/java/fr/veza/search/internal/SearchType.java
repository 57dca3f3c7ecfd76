package fr.veza.search.internal;

import java.util.Locale;

public enum SearchType {
    TRACKS,
    USERS,
    PLAYLISTS;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchType of(String value) {
        for (SearchType type : values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be tracks, users or playlists");
    }
}
