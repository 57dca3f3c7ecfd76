package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import fr.veza.social.internal.FeedService;
import fr.veza.social.internal.SocialService;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A listener's own social pages: the feed of the artists they follow, the tracks they liked and the people they
 * follow. Each is a page of its own (paged by links, so it works without JavaScript); the home page and the
 * library load them in place, and "More" appends the next page where the list ends.
 */
@Page
class LibrarySocialPages {

    private static final int PAGE = 30;

    private final SocialService social;
    private final FeedService feeds;

    LibrarySocialPages(SocialService social, FeedService feeds) {
        this.social = social;
        this.feeds = feeds;
    }

    @GetMapping("/feed")
    String feed(
            @RequestParam(required = false) String cursor, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("feed", feeds.page(viewer, cursor));
        return "social/feed";
    }

    @GetMapping("/library/likes")
    String likes(
            @RequestParam(required = false) String cursor, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("liked", social.liked(viewer, Cursor.decode(cursor), PAGE));
        return "social/likes";
    }

    @GetMapping("/library/following")
    String following(
            @RequestParam(required = false) String cursor, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("following", social.follows(viewer.id(), false, Cursor.decode(cursor), PAGE));
        return "social/following";
    }

    @Bean
    static SignedInPages librarySocialSignedInPages() {
        return () -> List.of("/feed", "/library/likes", "/library/following");
    }
}
