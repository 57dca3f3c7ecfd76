package fr.veza.site;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The path data of the site's icons, for the {@code site/icons :: icon(name)} fragment: one lookup per icon
 * drawn, where a condition per known icon cost a page of track rows hundreds of expression evaluations.
 */
@Component("icons")
public class Icons {

    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("play", "M8 5v14l11-7z"),
            Map.entry("pause", "M6 5h4v14H6zm8 0h4v14h-4z"),
            Map.entry("previous", "M6 6h2v12H6zm3.5 6 8.5 6V6z"),
            Map.entry("next", "M16 6h2v12h-2zM6 18l8.5-6L6 6z"),
            Map.entry("volume", "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z"),
            Map.entry(
                    "muted",
                    "M3 9v6h4l5 5V4L7 9H3zm13.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z"),
            Map.entry("queue", "M3 6h14v2H3zm0 5h14v2H3zm0 5h9v2H3zm12 0v-4l6 3-6 3z"),
            Map.entry("theme", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2v16a8 8 0 0 1 0-16z"),
            Map.entry("add", "M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"),
            Map.entry("play-next", "M3 6h12v2H3zm0 5h8v2H3zm0 5h8v2H3zm11-5 7 4.5-7 4.5z"));

    /** The icon's path data; an unknown name is a mistake in a template, so it fails the page. */
    public String path(String name) {
        String path = PATHS.get(name);
        if (path == null) {
            throw new IllegalArgumentException("no icon named " + name);
        }
        return path;
    }
}
