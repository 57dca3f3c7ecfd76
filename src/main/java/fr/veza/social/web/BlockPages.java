package fr.veza.social.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.web.Page;
import fr.veza.social.internal.SocialService;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Settings > Blocked people: whom one blocked, and Unblock. */
@Page
class BlockPages {

    private final SocialService social;
    private final UserDirectory users;

    BlockPages(SocialService social, UserDirectory users) {
        this.social = social;
        this.users = users;
    }

    record BlockedLine(UUID id, String name, Instant since) {}

    @GetMapping("/settings/blocks")
    String blocks(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        var blocked = social.blocked(viewer);
        var people = users.findAll(
                blocked.stream().map(SocialService.Blocked::userId).toList());
        model.addAttribute(
                "blocked",
                blocked.stream()
                        .map(b -> new BlockedLine(
                                b.userId(),
                                people.containsKey(b.userId())
                                        ? people.get(b.userId()).name()
                                        : null,
                                b.at()))
                        .toList());
        return "social/settings-blocks";
    }

    @PostMapping("/settings/blocks/{id}/remove")
    String unblock(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        social.unblock(viewer, id);
        return "redirect:/settings/blocks?unblocked";
    }
}
