package fr.veza.catalog.web;

import fr.veza.catalog.internal.PlayStatistics;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The artist's dashboard: plays of the last 30 days drawn and tabulated, and the top tracks. Followers (the social
 * module's) and sales and payouts (the marketplace's) are parts of the page their modules render.
 */
@Page
class DashboardPages {

    static final int DAYS = 30;

    private final PlayStatistics statistics;

    DashboardPages(PlayStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/studio/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser artist, Model model) {
        PlayStatistics.Plays plays = statistics.of(artist, DAYS);
        model.addAttribute("plays", plays);
        model.addAttribute("chart", PlaysChart.of(plays));
        model.addAttribute("days", DAYS);
        return "catalog/dashboard";
    }
}
