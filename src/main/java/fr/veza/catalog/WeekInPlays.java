package fr.veza.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Counted plays of artists' tracks over a recent span, for the weekly digest. */
public interface WeekInPlays {

    /** Artists whose tracks had counted plays since {@code since}. */
    List<UUID> artistsPlayedSince(Instant since, int limit);

    /** Counted plays of the artist's tracks since {@code since}. */
    long playsOfArtistSince(UUID artist, Instant since);
}
