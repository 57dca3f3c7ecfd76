package fr.veza.search.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.web.Page;
import fr.veza.search.internal.SearchQuery;
import fr.veza.search.internal.SearchService;
import fr.veza.search.internal.SearchType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: the same search as the API (typos, prefixes, the visibility rule), as a page that works
 * without JavaScript and that the header's box fills in as the person types.
 */
@Page
class SearchPage {

    private static final int SHOWN = 30;
    private static final int LONGEST_QUERY = 200;

    private final SearchService search;

    SearchPage(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "tracks") String type,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model) {
        SearchType searchType;
        try {
            searchType = SearchType.of(type);
        } catch (IllegalArgumentException unknown) {
            searchType = SearchType.TRACKS;
        }
        String text = q.length() > LONGEST_QUERY ? q.substring(0, LONGEST_QUERY) : q;
        model.addAttribute("q", text);
        model.addAttribute("type", searchType.value());
        SearchQuery query = new SearchQuery(text, searchType, viewer == null ? null : viewer.id(), 0, SHOWN);
        if (!query.words().isEmpty()) {
            model.addAttribute("results", search.search(query, viewer).items());
        }
        return "search/results";
    }
}
