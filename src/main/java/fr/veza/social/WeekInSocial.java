package fr.veza.social;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a week brought people through the ones they follow and the ones who like them, for the weekly digest. */
public interface WeekInSocial {

    /** People following an artist who published a listed track since {@code since}. */
    List<UUID> followersOfNewTracks(Instant since, int limit);

    /** The listed tracks published since {@code since} by artists the person follows, newest first. */
    List<NewTrack> newTracksFollowedBy(UUID person, Instant since, int limit);

    /** Artists whose tracks were liked since {@code since}. */
    List<UUID> artistsLikedSince(Instant since, int limit);

    /** How many likes the artist's tracks received since {@code since}. */
    long likesOfArtistSince(UUID artist, Instant since);

    record NewTrack(UUID id, String title, String artistName) {}
}
