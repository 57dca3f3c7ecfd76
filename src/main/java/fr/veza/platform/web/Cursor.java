package fr.veza.platform.web;

import fr.veza.platform.errors.VezaException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a list ordered by (time, id), newest first, handed to clients as an opaque string. Keyset paging
 * stays fast and stable however deep the client pages and however many rows arrive meanwhile.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.toEpochMilli() * 1000 + at.getNano() / 1000 % 1000 + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a null or blank cursor (the first page); a malformed one is the client's error. */
    public static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            long micros = Long.parseLong(parts[0]);
            Instant at =
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
            return new Cursor(at, UUID.fromString(parts[1]));
        } catch (RuntimeException malformed) {
            throw VezaException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
