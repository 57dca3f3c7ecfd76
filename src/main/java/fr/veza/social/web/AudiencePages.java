package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Page;
import fr.veza.social.internal.SocialService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The followers part of the artist's dashboard (the catalog's page), a page of its own the dashboard shows. */
@Page
class AudiencePages {

    private static final int DAYS = 30;

    private final SocialService social;

    AudiencePages(SocialService social) {
        this.social = social;
    }

    @GetMapping("/studio/dashboard/followers")
    String followers(@AuthenticationPrincipal CurrentUser artist, Model model) {
        model.addAttribute("audience", social.audience(artist, DAYS));
        model.addAttribute("days", DAYS);
        return "social/dashboard-followers";
    }
}
