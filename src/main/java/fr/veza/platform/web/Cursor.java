package fr.veza.platform.web;

import fr.veza.platform.errors.VezaException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

/**
 * A position in a list ordered by (time, id), newest first, handed to clients as an opaque string. Keyset paging
 * stays fast and stable however deep the client pages and however many rows arrive meanwhile. Lists with other
 * positions (the feed, search pages) use the same codec: {@link #pack} and {@link #unpack}.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        return pack(time(at), id.toString());
    }

    /** Null for a null or blank cursor (the first page); a malformed one is the client's error. */
    public static Cursor decode(String text) {
        return unpack(text, parts -> new Cursor(time(parts[0]), UUID.fromString(parts[1])));
    }

    /** The parts as one opaque, URL-safe string. */
    public static String pack(String... parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of a string {@link #pack} made, read by {@code read}; null for a null or blank text. Anything
     * {@code read} cannot make sense of (too few parts, a bad number or id) answers 400, never 500.
     */
    public static <T> T unpack(String text, Function<String[], T> read) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return read.apply(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|"));
        } catch (RuntimeException malformed) {
            throw VezaException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** A timestamp as microseconds since the epoch: PostgreSQL's precision, so positions compare exactly. */
    public static String time(Instant at) {
        return Long.toString(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
    }

    public static Instant time(String micros) {
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000), Math.floorMod(value, 1_000_000) * 1000L);
    }
}
