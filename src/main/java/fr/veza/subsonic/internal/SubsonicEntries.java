package fr.veza.subsonic.internal;

import fr.veza.catalog.Loudness;
import fr.veza.catalog.PlayerLibrary.Album;
import fr.veza.catalog.PlayerLibrary.Artist;
import fr.veza.catalog.PlayerLibrary.Song;
import fr.veza.catalog.PlayerMedia;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.social.Favourites;
import fr.veza.subsonic.internal.SubsonicIds.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Songs, albums and artists as the schema's elements ({@code Child}, {@code AlbumID3}, {@code ArtistID3} and the
 * folder-style {@code Artist}), with the viewer's stars read once per list.
 */
@Component
public class SubsonicEntries {

    private final Favourites favourites;
    private final AlbumStars albumStars;
    private final UserDirectory users;

    SubsonicEntries(Favourites favourites, AlbumStars albumStars, UserDirectory users) {
        this.favourites = favourites;
        this.albumStars = albumStars;
        this.users = users;
    }

    public List<SubsonicNode> songs(String element, List<Song> songs, CurrentUser viewer) {
        Map<java.util.UUID, Instant> liked =
                favourites.likedAmong(viewer.id(), songs.stream().map(Song::id).toList());
        return songs.stream()
                .map(song -> song(element, song, liked.get(song.id())))
                .toList();
    }

    /** Albums as {@code AlbumID3} ({@code id3}) or as folder-style {@code Child} directories. */
    public List<SubsonicNode> albums(String element, List<Album> albums, CurrentUser viewer, boolean id3) {
        Map<java.util.UUID, Instant> starred =
                albumStars.among(viewer.id(), albums.stream().map(Album::id).toList());
        return albums.stream()
                .map(album -> id3 ? album(element, album, starred.get(album.id())) : folder(element, album, starred))
                .toList();
    }

    /** Artists as {@code ArtistID3} ({@code id3}) or as the folder-style {@code Artist}. */
    public List<SubsonicNode> artists(String element, List<Artist> artists, CurrentUser viewer, boolean id3) {
        List<java.util.UUID> ids = artists.stream().map(a -> a.who().id()).toList();
        Map<java.util.UUID, Instant> followed = favourites.followedAmong(viewer.id(), ids);
        // only an avatar drawn by Veza can be served by getAvatar and getCoverArt
        java.util.Set<java.util.UUID> pictured = id3
                ? users.findAll(ids).values().stream()
                        .filter(user ->
                                user.avatarUrl() != null && user.avatarUrl().startsWith("/api/v1/users/"))
                        .map(UserDirectory.UserSummary::id)
                        .collect(java.util.stream.Collectors.toSet())
                : java.util.Set.of();
        return artists.stream()
                .map(artist -> {
                    SubsonicNode node = SubsonicNode.item(element)
                            .with("id", SubsonicIds.of(Kind.ARTIST, artist.who().id()))
                            .with("name", artist.who().name());
                    if (id3) {
                        node.with(
                                        "coverArt",
                                        pictured.contains(artist.who().id())
                                                ? SubsonicIds.of(
                                                        Kind.ARTIST,
                                                        artist.who().id())
                                                : null)
                                .with("albumCount", artist.albumCount());
                    }
                    return node.with("starred", text(followed.get(artist.who().id())));
                })
                .toList();
    }

    public SubsonicNode song(String element, Song song, Instant starred) {
        SubsonicNode node = SubsonicNode.item(element)
                .with("id", song.id().toString())
                .with("parent", SubsonicIds.of(Kind.ALBUM, song.albumId()))
                .with("isDir", false)
                .with("title", song.title())
                .with("album", song.album())
                .with("artist", song.artist().name())
                .with("track", song.trackNumber())
                .with("year", song.year())
                .with("genre", song.genre())
                .with("coverArt", song.hasCover() ? song.id().toString() : null)
                .with("size", song.size())
                .with("contentType", song.contentType())
                .with("suffix", song.format())
                .with("transcodedContentType", PlayerMedia.STREAM_CONTENT_TYPE)
                .with("transcodedSuffix", PlayerMedia.STREAM_SUFFIX)
                .with("duration", seconds(song.durationMs()))
                .with("bitRate", song.bitrate())
                .with("path", path(song))
                .with("isVideo", false)
                .with("playCount", song.playCount())
                .with("created", text(song.created()))
                .with("starred", text(starred))
                .with("albumId", SubsonicIds.of(Kind.ALBUM, song.albumId()))
                .with("artistId", SubsonicIds.of(Kind.ARTIST, song.artist().id()))
                .with("type", "music");
        return song.loudness() == null ? node : node.add(replayGain(song.loudness(), song.albumLoudness()));
    }

    /** OpenSubsonic's ReplayGain 2.0 values, measured by Veza (peaks as linear sample values). */
    private static SubsonicNode replayGain(Loudness track, Loudness album) {
        Loudness ofAlbum = album == null ? track : album;
        return SubsonicNode.of("replayGain")
                .with("trackGain", track.trackGainDb())
                .with("trackPeak", track.truePeakLinear())
                .with("albumGain", ofAlbum.trackGainDb())
                .with("albumPeak", ofAlbum.truePeakLinear())
                .with("baseGain", 0);
    }

    public SubsonicNode album(String element, Album album, Instant starred) {
        return SubsonicNode.item(element)
                .with("id", SubsonicIds.of(Kind.ALBUM, album.id()))
                .with("name", album.name())
                .with("artist", album.artist().name())
                .with("artistId", SubsonicIds.of(Kind.ARTIST, album.artist().id()))
                .with("coverArt", album.coverTrackId() == null ? null : SubsonicIds.of(Kind.ALBUM, album.id()))
                .with("songCount", album.songCount())
                .with("duration", seconds(album.durationMs()))
                .with("playCount", album.playCount())
                .with("created", text(album.created()))
                .with("starred", text(starred))
                .with("year", album.year())
                .with("genre", album.genre());
    }

    private SubsonicNode folder(String element, Album album, Map<java.util.UUID, Instant> starred) {
        return SubsonicNode.item(element)
                .with("id", SubsonicIds.of(Kind.ALBUM, album.id()))
                .with("parent", SubsonicIds.of(Kind.ARTIST, album.artist().id()))
                .with("isDir", true)
                .with("title", album.name())
                .with("album", album.name())
                .with("artist", album.artist().name())
                .with("year", album.year())
                .with("genre", album.genre())
                .with("coverArt", album.coverTrackId() == null ? null : SubsonicIds.of(Kind.ALBUM, album.id()))
                .with("duration", seconds(album.durationMs()))
                .with("playCount", album.playCount())
                .with("created", text(album.created()))
                .with("starred", text(starred.get(album.id())))
                .with("albumId", SubsonicIds.of(Kind.ALBUM, album.id()))
                .with("artistId", SubsonicIds.of(Kind.ARTIST, album.artist().id()));
    }

    /**
     * Where a player files the song offline: artist, album and title, made of characters no file system refuses.
     * Nothing about Veza's storage is in it.
     */
    private static String path(Song song) {
        String number = song.trackNumber() == null ? "" : String.format("%02d - ", song.trackNumber());
        return safe(song.artist().name()) + "/" + safe(song.album()) + "/" + number + safe(song.title()) + "."
                + song.format();
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        cleaned = cleaned.replaceAll("^\\.+", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    static Integer seconds(Long millis) {
        return millis == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.round(millis / 1000.0));
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
