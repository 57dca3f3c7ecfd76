package fr.veza.subsonic.internal;

/**
 * A Subsonic failure: the protocol's error code and a message for the person, answered with HTTP 200 and
 * {@code status="failed"}, since players look at the body, not at the status.
 */
public class SubsonicError extends RuntimeException {

    public static final int GENERIC = 0;
    public static final int MISSING_PARAMETER = 10;
    public static final int WRONG_CREDENTIALS = 40;
    public static final int MECHANISMS_MIXED = 43;
    public static final int INVALID_API_KEY = 44;
    public static final int NOT_AUTHORISED = 50;
    public static final int NOT_FOUND = 70;

    private final int code;

    public SubsonicError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static SubsonicError missing(String parameter) {
        return new SubsonicError(MISSING_PARAMETER, "Required parameter is missing: " + parameter);
    }

    /** What a person sent, shortened for a message that quotes it. */
    public static String clip(String text) {
        String value = String.valueOf(text);
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }

    public int code() {
        return code;
    }
}
