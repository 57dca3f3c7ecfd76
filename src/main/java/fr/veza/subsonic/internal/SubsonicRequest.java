package fr.veza.subsonic.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.PlayerCredentials.Player;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in player's call: who it is and its parameters, read as the protocol has them (query string or form
 * body alike, lists as repeated parameters), each refusal a Subsonic error.
 */
public final class SubsonicRequest {

    private final HttpServletRequest http;
    private final Player player;
    private final String address;

    SubsonicRequest(HttpServletRequest http, Player player, String address) {
        this.http = http;
        this.player = player;
        this.address = address;
    }

    public CurrentUser viewer() {
        return player.user();
    }

    public Player player() {
        return player;
    }

    /** {@code json}, or null for XML. */
    public String format() {
        return http.getParameter("f");
    }

    public String clientAddress() {
        return address;
    }

    /** Starring, scrobbling and playlists change things: a read-only API key may not. */
    public void requireWrite() {
        if (!player.mayWrite()) {
            throw new SubsonicError(
                    SubsonicError.NOT_AUTHORISED, "This API key may only read; give it the write scope.");
        }
    }

    public String required(String name) {
        String value = http.getParameter(name);
        if (value == null) {
            throw SubsonicError.missing(name);
        }
        return value;
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(http.getParameter(name)).filter(value -> !value.isBlank());
    }

    /** Every value of a repeated parameter, in the order sent. */
    public List<String> all(String name) {
        String[] values = http.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The parameter as a number within {@code min..max}, or {@code fallback} when absent. */
    public int integer(String name, int fallback, int min, int max) {
        Integer value = optionalInteger(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new SubsonicError(SubsonicError.GENERIC, name + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    public Integer optionalInteger(String name) {
        String value = http.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new SubsonicError(SubsonicError.GENERIC, name + " must be a whole number.");
        }
    }

    public boolean flag(String name, boolean fallback) {
        String value = http.getParameter(name);
        return value == null ? fallback : Boolean.parseBoolean(value.strip());
    }

    /** A required id of the kind asked; an id of another kind, or no id Veza made, is not found. */
    public UUID id(String name, SubsonicIds.Kind kind) {
        return SubsonicIds.parse(required(name), kind);
    }
}
