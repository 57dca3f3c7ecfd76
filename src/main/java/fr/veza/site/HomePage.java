package fr.veza.site;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.platform.web.Page;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front page: what is new and what people play, and the artists behind them, for everyone; a signed-in
 * listener also gets the feed of the artists they follow.
 */
@Page
class HomePage {

    private static final int SHOWN = 12;
    private static final int ARTISTS_SHOWN = 8;

    private final TrackCatalog tracks;

    HomePage(TrackCatalog tracks) {
        this.tracks = tracks;
    }

    @GetMapping("/")
    String home(Model model) {
        List<TrackSummary> newest = tracks.newest(SHOWN);
        List<TrackSummary> popular = tracks.mostPlayed(SHOWN);
        model.addAttribute("newest", newest);
        model.addAttribute("popular", popular);
        model.addAttribute(
                "artists",
                Stream.concat(newest.stream(), popular.stream())
                        .map(TrackSummary::artist)
                        .distinct()
                        .limit(ARTISTS_SHOWN)
                        .toList());
        return "site/home";
    }
}
