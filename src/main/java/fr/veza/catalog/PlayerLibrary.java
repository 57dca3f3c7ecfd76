package fr.veza.catalog;

import fr.veza.identity.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalogue as music players browse it: songs, albums derived from the files' album tag (per artist; a track
 * without one is an album of its own), artists as the accounts that own tracks, and genres. Lists hold what the
 * viewer may find (listed tracks, and the viewer's own); a song is reachable by id as on its page (unlisted ones too).
 * Taken-down tracks are absent for everyone, their owner included: players keep files offline, which a takedown
 * must stop.
 */
public interface PlayerLibrary {

    Optional<Song> song(UUID trackId, CurrentUser viewer);

    /** The reachable songs among {@code trackIds}; the others are absent. */
    Map<UUID, Song> songs(Collection<UUID> trackIds, CurrentUser viewer);

    /** Every listed song, by title then id: players sync their offline library by paging through it. */
    List<Song> allSongs(int size, int offset, CurrentUser viewer);

    Optional<Album> album(UUID albumId, CurrentUser viewer);

    Map<UUID, Album> albums(Collection<UUID> albumIds, CurrentUser viewer);

    /** An album's songs, in track-number order. */
    List<Song> albumSongs(UUID albumId, CurrentUser viewer);

    List<Album> albums(AlbumQuery query, CurrentUser viewer);

    List<Album> albumsBy(UUID artistId, CurrentUser viewer);

    /** Albums whose name contains every word of {@code text}; an empty text lists them all. */
    List<Album> searchAlbums(String text, int size, int offset, CurrentUser viewer);

    /** Every artist with something the viewer may find, by name. */
    List<Artist> artists(CurrentUser viewer);

    Optional<Artist> artist(UUID artistId, CurrentUser viewer);

    Map<UUID, Artist> artists(Collection<UUID> artistIds, CurrentUser viewer);

    List<Genre> genres(CurrentUser viewer);

    /** @param genre null for any; {@code fromYear} and {@code toYear} likewise */
    List<Song> randomSongs(int size, String genre, Integer fromYear, Integer toYear, CurrentUser viewer);

    List<Song> songsByGenre(String genre, int size, int offset, CurrentUser viewer);

    /** An artist's most played songs. */
    List<Song> topSongs(UUID artistId, int size, CurrentUser viewer);

    /** Listed songs like this one: same artist or same genre, most played first, the song itself left out. */
    List<Song> similarSongs(UUID trackId, int size, CurrentUser viewer);

    /**
     * @param bitrate the original's, in kb/s
     * @param size the original's, in bytes
     * @param format the original's short name ({@code mp3}, {@code flac}...)
     * @param loudness null until the song is measured
     * @param albumLoudness its album's, over the album's measured songs; null when none is
     */
    record Song(
            UUID id,
            String title,
            UUID albumId,
            String album,
            TrackSummary.Artist artist,
            Integer trackNumber,
            Integer year,
            String genre,
            Long durationMs,
            Integer bitrate,
            long size,
            String format,
            String contentType,
            boolean hasCover,
            long playCount,
            Instant created,
            Loudness loudness,
            Loudness albumLoudness) {

        public Song withAlbumLoudness(Loudness ofAlbum) {
            return new Song(
                    id,
                    title,
                    albumId,
                    album,
                    artist,
                    trackNumber,
                    year,
                    genre,
                    durationMs,
                    bitrate,
                    size,
                    format,
                    contentType,
                    hasCover,
                    playCount,
                    created,
                    loudness,
                    ofAlbum);
        }
    }

    /** @param coverTrackId the song whose cover stands for the album, or null when none has one */
    record Album(
            UUID id,
            String name,
            TrackSummary.Artist artist,
            int songCount,
            long durationMs,
            long playCount,
            Instant created,
            Integer year,
            String genre,
            UUID coverTrackId) {}

    record Artist(TrackSummary.Artist who, int albumCount) {}

    record Genre(String name, int songCount, int albumCount) {}

    enum AlbumOrder {
        RANDOM,
        NEWEST,
        FREQUENT,
        RECENT,
        ALPHABETICAL_BY_NAME,
        ALPHABETICAL_BY_ARTIST,
        BY_GENRE,
        BY_YEAR
    }

    /** @param genre for {@link AlbumOrder#BY_GENRE}; {@code fromYear}/{@code toYear} for {@link AlbumOrder#BY_YEAR} */
    record AlbumQuery(AlbumOrder order, int size, int offset, String genre, Integer fromYear, Integer toYear) {}
}
