package fr.veza.social.internal;

import fr.veza.platform.errors.VezaException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A position in the feed, handed to clients as an opaque string. */
record FeedCursor(Instant at, UUID actorId, UUID trackId) {

    String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "|" + actorId + "|" + trackId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static FeedCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            String[] time = parts[0].split("\\.");
            return new FeedCursor(
                    Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                    UUID.fromString(parts[1]),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException malformed) {
            throw VezaException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
