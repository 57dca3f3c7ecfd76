package fr.veza.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A track as lists (playlists, feeds, search results) show it, with the artist's public name. */
public record TrackSummary(
        UUID id,
        String title,
        String genre,
        List<String> tags,
        String visibility,
        String status,
        Long durationMs,
        long playCount,
        Artist artist,
        Instant createdAt,
        Instant readyAt) {

    @JsonIgnore
    public UUID ownerId() {
        return artist.id();
    }

    /** Ready and public: what may travel to feeds and search results. */
    @JsonIgnore
    public boolean isPublic() {
        return "public".equals(visibility) && "ready".equals(status);
    }

    @JsonProperty("url")
    public String url() {
        return "/api/v1/tracks/" + id;
    }

    public record Artist(UUID id, String username, String displayName) {

        /** The name pages show: the display name, or the username when there is none. */
        @JsonIgnore
        public String name() {
            return displayName == null ? username : displayName;
        }
    }
}
