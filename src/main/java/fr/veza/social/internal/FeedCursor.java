package fr.veza.social.internal;

import fr.veza.platform.web.Cursor;
import java.time.Instant;
import java.util.UUID;

/** A position in the feed, handed to clients as an opaque string. */
record FeedCursor(Instant at, UUID actorId, UUID trackId) {

    String encode() {
        return Cursor.pack(Cursor.time(at), actorId.toString(), trackId.toString());
    }

    static FeedCursor decode(String text) {
        return Cursor.unpack(
                text,
                parts -> new FeedCursor(Cursor.time(parts[0]), UUID.fromString(parts[1]), UUID.fromString(parts[2])));
    }
}
