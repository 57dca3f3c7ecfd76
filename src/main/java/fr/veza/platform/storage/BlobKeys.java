package fr.veza.platform.storage;

import java.util.regex.Pattern;

/**
 * The one gate every storage key goes through. Keys are lower-case segments of letters, digits, dots, dashes and
 * underscores separated by single slashes, never {@code .} or {@code ..}: nothing a client sends can point
 * outside the storage root.
 */
public final class BlobKeys {

    private static final Pattern SAFE = Pattern.compile("^[a-z0-9_-][a-z0-9._-]*(/[a-z0-9_-][a-z0-9._-]*)*$");

    private BlobKeys() {}

    public static String require(String key) {
        if (!isSafe(key)) {
            throw new IllegalArgumentException("unsafe storage key");
        }
        return key;
    }

    public static boolean isSafe(String key) {
        return key != null && key.length() <= 512 && SAFE.matcher(key).matches() && !key.contains("..");
    }

    public static String requirePrefix(String prefix) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return require(trimmed) + "/";
    }
}
