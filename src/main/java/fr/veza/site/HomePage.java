package fr.veza.site;

import fr.veza.catalog.TrackCatalog;
import fr.veza.platform.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what is new and what people play, for everyone. */
@Page
class HomePage {

    private static final int SHOWN = 12;

    private final TrackCatalog tracks;

    HomePage(TrackCatalog tracks) {
        this.tracks = tracks;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("newest", tracks.newest(SHOWN));
        model.addAttribute("popular", tracks.mostPlayed(SHOWN));
        return "site/home";
    }
}
