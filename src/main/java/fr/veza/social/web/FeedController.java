package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.social.internal.FeedPage;
import fr.veza.social.internal.FeedService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Social")
class FeedController {

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/v1/feed")
    @Operation(
            summary = "New public tracks and reposts of the accounts you follow, newest first",
            security = @SecurityRequirement(name = "BearerAuth"))
    FeedPage feed(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor) {
        return feeds.page(user, cursor);
    }
}
